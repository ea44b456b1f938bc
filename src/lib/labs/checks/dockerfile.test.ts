import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { checkSchema, type Check } from '../definition/schema.ts';
import { createDockerEngine } from '../../docker/index.ts';
import { evaluateCheck } from './index.ts';

const root = '/home/learner/lab';

const starter = `FROM python:latest

WORKDIR /app
COPY . .
RUN pip install -r requirements.txt

CMD uvicorn app:app --host 0.0.0.0 --port 8000
`;

const solved = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
EXPOSE 8000
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`;

/** Evaluate one check against a lab holding only the given Dockerfile. */
async function judge(check: unknown, dockerfile: string | null) {
  const fs = MemoryFileSystem.fromFiles(dockerfile === null ? { [`${root}/app.py`]: '' } : { [`${root}/Dockerfile`]: dockerfile });
  return evaluateCheck(checkSchema.parse(check) as Check, { fs, root, engine: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), commands: [] });
}

describe('dockerfile checks', () => {
  it.each<[string, string, string | null, boolean, string]>([
    ['base-pinned', 'solved file', solved, true, 'python:3.12-slim'],
    ['base-pinned', 'latest', starter, false, 'uses latest'],
    ['base-pinned', 'no tag', 'FROM python\nCMD ["python"]\n', false, 'has no tag'],
    ['base-pinned', 'major-only tag', 'FROM python:3-slim\nCMD ["python"]\n', false, 'the tag 3-slim follows a whole release line'],
    ['base-pinned', 'digest', `FROM python@sha256:${'a'.repeat(64)}\nCMD ["python"]\n`, true, 'names a version'],
    ['base-pinned', 'global ARG default', 'ARG PY=3.12\nFROM python:${PY}-slim\nCMD ["python"]\n', true, 'python:3.12-slim'],
    ['base-pinned', 'second stage from the first', 'FROM python:3.12-slim AS build\nRUN true\nFROM build\nCMD ["python"]\n', true, 'python:3.12-slim'],
    ['base-pinned', 'missing Dockerfile', null, false, 'Dockerfile does not exist'],
    ['base-pinned', 'unparsable Dockerfile', 'FROM\n', false, 'does not parse'],
    ['base-pinned', 'unterminated quote in FROM', 'FROM "python:3.12\nCMD ["python"]\n', false, 'is not a valid image reference'],
    ['deps-before-source', 'solved file', solved, true, 'before the source is copied'],
    ['deps-before-source', 'COPY . . first', starter, false, 'COPY . . on line 4 comes before the install on line 5'],
    ['deps-before-source', 'no install', 'FROM python:3.12-slim\nCOPY . .\n', false, 'No RUN pip install'],
    ['deps-before-source', 'install before requirements copy', 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\nCOPY . .\n', false, 'before requirements.txt is copied'],
    ['deps-before-source', 'source never copied', 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', false, 'never copies the application source'],
    ['deps-before-source', 'app.py copied first', 'FROM python:3.12-slim\nCOPY app.py requirements.txt ./\nRUN pip install -r requirements.txt\n', false, 'comes before the install'],
    ['non-root-user', 'solved file', solved, true, 'runs as app'],
    ['non-root-user', 'no USER', starter, false, 'runs as root'],
    ['non-root-user', 'USER root last', 'FROM python:3.12-slim\nUSER app\nUSER root\n', false, 'is still root'],
    ['non-root-user', 'USER 0:0', 'FROM python:3.12-slim\nUSER 0:0\n', false, 'is still root'],
    ['non-root-user', 'USER only in the build stage', 'FROM python:3.12-slim AS build\nUSER app\nFROM python:3.12-slim\nCMD ["python"]\n', false, 'runs as root'],
    ['exec-form-cmd', 'solved file', solved, true, 'exec form'],
    ['exec-form-cmd', 'shell form', starter, false, 'shell form'],
    ['exec-form-cmd', 'single quotes fall back to shell form', "FROM python:3.12-slim\nCMD ['uvicorn', 'app:app']\n", false, 'shell form'],
    ['exec-form-cmd', 'no CMD', 'FROM python:3.12-slim\n', false, 'has no CMD'],
    ['exec-form-cmd', 'shell-form ENTRYPOINT', 'FROM python:3.12-slim\nENTRYPOINT uvicorn app:app\nCMD ["--port", "8000"]\n', false, 'ENTRYPOINT on line 2'],
  ])('%s: %s', async (assertion, _name, dockerfile, passed, detail) => {
    const result = await judge({ type: 'dockerfile', assert: assertion }, dockerfile);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it.each<[string, string, boolean, string]>([
    ['solved file', solved, true, 'EXPOSE 8000'],
    ['no EXPOSE', starter, false, 'has no EXPOSE'],
    ['another port', 'FROM python:3.12-slim\nEXPOSE 8080\n', false, 'has EXPOSE 8080'],
    ['tcp suffix', 'FROM python:3.12-slim\nEXPOSE 8000/tcp\n', true, 'EXPOSE 8000'],
  ])('exposes-port: %s', async (_name, dockerfile, passed, detail) => {
    const result = await judge({ type: 'dockerfile', assert: 'exposes-port', port: 8000 }, dockerfile);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it.each<[string, string, string]>([
    ['a tag', solved, 'names a tag, which upstream can move'],
    ['a missing Dockerfile', '', 'does not exist'],
  ])('digest-pinned fails for %s', async (_name, dockerfile, detail) => {
    const result = await judge({ type: 'digest-pinned' }, dockerfile === '' ? null : dockerfile);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain(detail);
  });
});

describe('dockerfile checks on arbitrary text', () => {
  const dockerfileText = fc.array(
    fc.oneof(
      fc.constantFrom('FROM python:3.12-slim', 'FROM ', 'ARG PY=3', 'COPY . .', 'RUN pip install -r requirements.txt', 'USER app', 'CMD ["a"]', 'EXPOSE ${P}', '\\'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 8 },
  ).map((lines) => lines.join('\n'));

  it('every assertion returns a result', async () => {
    await fc.assert(
      fc.asyncProperty(dockerfileText, fc.constantFrom('base-pinned', 'deps-before-source', 'non-root-user', 'exec-form-cmd'), async (text, assertion) => {
        const result = await judge({ type: 'dockerfile', assert: assertion }, text);
        expect(result.detail).not.toMatch(/^This task could not be checked/);
      }),
      { numRuns: 300 },
    );
  });
});
