import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { createDockerEngine } from '../../docker/index.ts';
import { LAB_ROOT } from './layout.ts';
import { createShell } from './shell.ts';

const files = {
  [`${LAB_ROOT}/app.py`]: '',
  [`${LAB_ROOT}/anomaly-notes.md`]: '',
  [`${LAB_ROOT}/model/anomaly.json`]: '',
  [`${LAB_ROOT}/model/README.md`]: '',
  [`${LAB_ROOT}/data/sample-window.csv`]: '',
  [`${LAB_ROOT}/.dockerignore`]: '',
  [`${LAB_ROOT}/Dockerfile`]: 'FROM python:3.12-slim\nCOPY app.py .\n',
};

/** Create a shell over the sample files after building heart-model:1.0, so image tags can complete. */
async function makeShell() {
  const fs = MemoryFileSystem.fromFiles(files);
  const shell = createShell({ fs, cwd: LAB_ROOT, docker: createDockerEngine({ fs, stateDir: '/var/lib/docker' }) });
  await shell.execute('docker build -q -t heart-model:1.0 .', { stdout: () => {}, stderr: () => {} });
  return shell;
}

describe('shell completion', () => {
  it.each<[string, number, string[]]>([
    ['ec', 0, ['echo']],
    ['h', 0, ['head', 'help', 'history']],
    ['docker b', 7, ['build']],
    ['docker ', 7, ['build', 'history', 'image', 'images', 'inspect', 'ps', 'pull', 'push', 'rmi', 'run', 'tag', 'version']],
    ['docker image l', 13, ['ls']],
    ['docker build --t', 13, ['--tag', '--target']],
    ['docker images --d', 14, ['--digests']],
    ['docker tag heart', 11, ['heart-model:1.0']],
    ['docker build -f ', 16, ['Dockerfile', 'anomaly-notes.md', 'app.py', 'data/', 'model/']],
    ['cat a', 4, ['anomaly-notes.md', 'app.py']],
    ['cat model/', 4, ['model/README.md', 'model/anomaly.json']],
    ['cat mo', 4, ['model/']],
    ['cd ', 3, ['data/', 'model/']],
    ['cat .d', 4, ['.dockerignore']],
    ['cat nope/x', 4, []],
    ['ls && ec', 6, ['echo']],
    ['docker images | gr', 16, ['grep']],
    ['lab up', 4, ['upstream']],
    ['lab upstream a', 13, ['advance']],
  ])('%j', async (line, start, candidates) => {
    const shell = await makeShell();
    const completion = await shell.complete(line, line.length);
    expect(completion.start).toBe(start);
    expect(completion.candidates).toEqual(candidates);
  });

  it('completes the word under the cursor, not the line end', async () => {
    const shell = await makeShell();
    const completion = await shell.complete('cat mo other', 6);
    expect(completion).toEqual({ start: 4, candidates: ['model/'] });
  });
});
