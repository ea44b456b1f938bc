import { describe, expect, it } from 'vitest';
import { checkSchema, type Check } from '../definition/schema.ts';
import { replay } from '../verify/replay.ts';
import { evaluateCheck } from './index.ts';

const check = checkSchema.parse({ type: 'digest-pinned' }) as Check;

/** Return the manifest digest of python:3.12-slim as the engine first publishes it. */
async function baseDigest(): Promise<string> {
  const state = await replay({}, ['docker pull python:3.12-slim']);
  const inspected = await state.engine.store.inspect('python:3.12-slim');
  const digest = (inspected?.RepoDigests as string[] | undefined)?.[0]?.split('@')[1];
  if (digest === undefined) throw new Error('python:3.12-slim has no RepoDigest after a pull');
  return digest;
}

/** Replay commands on a project with the given FROM line and evaluate the digest check. */
async function judge(from: string, commands: string[]) {
  const state = await replay({ 'app.py': 'print(1)\n', Dockerfile: `${from}\nCOPY app.py .\nCMD ["python", "app.py"]\n` }, commands);
  return evaluateCheck(check, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
}

describe('digest-pinned check', () => {
  it('passes for a built digest pin', async () => {
    const digest = await baseDigest();
    const result = await judge(`FROM python:3.12-slim@${digest}`, ['docker build -t heart-model:1.2 .']);
    expect(result.passed).toBe(true);
    expect(result.detail).toContain(digest);
  });

  it('passes for the old digest after upstream moves', async () => {
    const digest = await baseDigest();
    const result = await judge(`FROM python:3.12-slim@${digest}`, ['lab upstream advance', 'docker pull python:3.12-slim', 'docker build -t heart-model:1.2 .']);
    expect(result.passed).toBe(true);
  });

  it('fails for a pin that was never built', async () => {
    const digest = await baseDigest();
    const result = await judge(`FROM python:3.12-slim@${digest}`, []);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('has not been built yet');
  });

  it('fails for an invented digest', async () => {
    const result = await judge(`FROM python:3.12-slim@sha256:${'1'.repeat(64)}`, ['docker build -t heart-model:1.2 .']);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('has not been built yet');
  });

  it('passes when the pin names the base of the first build', async () => {
    const digest = await baseDigest();
    const pinned = checkSchema.parse({ type: 'digest-pinned', sameBaseAs: 'heart-model:1.0' }) as Check;
    const state = await replay({ 'app.py': 'print(1)\n', Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\n' }, ['docker build -t heart-model:1.0 .']);
    await state.fs.writeFile(`${state.root}/Dockerfile`, `FROM python:3.12-slim@${digest}\nCOPY app.py .\n`);
    await state.shell.execute('docker build -t heart-model:1.1 .', { stdout: () => {}, stderr: () => {} });
    const result = await evaluateCheck(pinned, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
    expect(result.passed).toBe(true);
  });

  it('fails when the pin names the newer upstream base', async () => {
    const pinned = checkSchema.parse({ type: 'digest-pinned', sameBaseAs: 'heart-model:1.0' }) as Check;
    const state = await replay({ 'app.py': 'print(1)\n', Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\n' }, ['docker build -t heart-model:1.0 .', 'lab upstream advance', 'docker pull python:3.12-slim']);
    const inspected = await state.engine.store.inspect('python:3.12-slim');
    const newer = (inspected?.RepoDigests as string[])[0]?.split('@')[1] ?? '';
    await state.fs.writeFile(`${state.root}/Dockerfile`, `FROM python:3.12-slim@${newer}\nCOPY app.py .\n`);
    await state.shell.execute('docker build -t heart-model:1.1 .', { stdout: () => {}, stderr: () => {} });
    const result = await evaluateCheck(pinned, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
    expect(result.passed).toBe(false);
    expect(result.detail).toMatch(/is not the base heart-model:1.0 was built on|but heart-model:1.0 was built on sha256:/);
  });

  it('passes after pulling before the first build', async () => {
    const digest = await baseDigest();
    const pinned = checkSchema.parse({ type: 'digest-pinned', sameBaseAs: 'heart-model:1.0' }) as Check;
    const state = await replay({ 'app.py': 'print(1)\n', Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\n' }, ['docker pull python:3.12-slim', 'docker build -t heart-model:1.0 .', 'lab upstream advance', 'docker pull python:3.12-slim']);
    await state.fs.writeFile(`${state.root}/Dockerfile`, `FROM python:3.12-slim@${digest}\nCOPY app.py .\n`);
    await state.shell.execute('docker build -t heart-model:1.1 .', { stdout: () => {}, stderr: () => {} });
    const result = await evaluateCheck(pinned, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
    expect(result.passed).toBe(true);
  });

  it('fails for a tag only', async () => {
    const result = await judge('FROM python:3.12-slim', ['docker build -t heart-model:1.2 .']);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('names a tag, which upstream can move');
  });
});
