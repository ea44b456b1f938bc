import { describe, expect, it } from 'vitest';
import { createDockerEngine } from '../../docker/index.ts';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { checkSchema, type Check } from '../definition/schema.ts';
import { evaluateCheck } from './index.ts';

const root = '/home/learner/lab';
const exists = (path: string) => ({ type: 'file', path, assert: 'exists' });
const ran = (pattern: string) => ({ type: 'command', assert: 'ran', patterns: [pattern], expected: pattern });

/** Evaluate an `all` check over a lab with one file and a history. */
async function judge(checks: unknown[], commands: string[]) {
  const fs = MemoryFileSystem.fromFiles({ [`${root}/Dockerfile`]: 'FROM python:3.12-slim\n' });
  const check = checkSchema.parse({ type: 'all', checks }) as Check;
  return evaluateCheck(check, { fs, root, engine: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), commands });
}

describe('all check', () => {
  it.each<[string, unknown[], string[], boolean, string]>([
    ['every check passes', [exists('Dockerfile'), ran('^docker images$')], ['docker images'], true, 'Dockerfile exists. You ran ^docker images$.'],
    ['the first failure is reported', [exists('missing.txt'), ran('^nope$')], [], false, 'missing.txt does not exist yet'],
    ['a later failure is reported', [exists('Dockerfile'), ran('^docker images$')], [], false, 'Not run yet: ^docker images$.'],
  ])('%s', async (_name, checks, commands, passed, detail) => {
    const result = await judge(checks, commands);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it('rejects nesting and single checks', () => {
    expect(checkSchema.safeParse({ type: 'all', checks: [{ type: 'all', checks: [] }, exists('a')] }).success).toBe(false);
    expect(checkSchema.safeParse({ type: 'all', checks: [exists('a')] }).success).toBe(false);
  });
});
