import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { checkSchema, type Check } from '../definition/schema.ts';
import { createDockerEngine } from '../../docker/index.ts';
import { evaluateCheck } from './index.ts';

const root = '/home/learner/lab';

const ignoresCheck = {
  type: 'file',
  path: '.dockerignore',
  assert: 'ignores',
  paths: ['data/sample-window.csv', 'venv/pyvenv.cfg', '.git/HEAD'],
  keeps: ['app.py', 'requirements.txt', 'model/anomaly.json'],
};

/** Evaluate a check against a lab whose .dockerignore has `text` (none when null). */
async function judge(check: unknown, text: string | null) {
  const files: Record<string, string> = { [`${root}/app.py`]: '' };
  if (text !== null) files[`${root}/.dockerignore`] = text;
  const fs = MemoryFileSystem.fromFiles(files);
  return evaluateCheck(checkSchema.parse(check) as Check, { fs, root, engine: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), commands: [] });
}

describe('file checks', () => {
  it.each<[string, string | null, boolean, string]>([
    ['a complete file', 'data/\nvenv/\n.git/\n', true, 'excludes data/sample-window.csv'],
    ['patterns without slashes', 'data\nvenv\n.git\n', true, 'excludes'],
    ['no .dockerignore', null, false, '.dockerignore does not exist yet'],
    ['data missing', 'venv/\n.git/\n', false, 'does not exclude data/sample-window.csv'],
    ['a text mention that is a comment', '# data/ venv/ .git/\n', false, 'does not exclude data/sample-window.csv, venv/pyvenv.cfg, .git/HEAD'],
    ['everything excluded', '*\n', false, 'also excludes app.py, requirements.txt, model/anomaly.json'],
    ['everything excluded but the app', '*\n!app.py\n!requirements.txt\n!model/\n', true, 'excludes'],
  ])('ignores: %s', async (_name, text, passed, detail) => {
    const result = await judge(ignoresCheck, text);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it.each<[string | null, boolean]>([
    ['', true],
    [null, false],
  ])('exists with %j', async (text, passed) => {
    const result = await judge({ type: 'file', path: '.dockerignore', assert: 'exists' }, text);
    expect(result.passed).toBe(passed);
  });
});
