import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryFileSystem } from '../vfs/index.ts';
import { createDockerEngine, type DockerEngine } from './index.ts';

/** Fixed lab time for deterministic output. */
export const fixedNow = new Date('2026-03-01T10:00:00Z');

/** Create an engine over a memory filesystem holding the heart-model fixture at /lab, plus `extra` files. */
export function fixtureEngine(extra: Record<string, string> = {}, clock = { now: () => fixedNow }): { engine: DockerEngine; fs: MemoryFileSystem } {
  const folder = join(import.meta.dirname, 'fixtures', 'heart-model');
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) files[`/lab/${name}`] = readFileSync(join(folder, name), 'utf8');
  const fs = MemoryFileSystem.fromFiles({ ...files, ...extra });
  return { engine: createDockerEngine({ fs, stateDir: '/state', clock }), fs };
}

/** Run one docker command and capture its exit code and output. */
export async function docker(engine: DockerEngine, args: string[], cwd = '/lab'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await engine.run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, { cwd });
  return { code, stdout, stderr };
}

/** Return which steps of the last build were CACHED, by title. */
export async function lastBuildSteps(engine: DockerEngine): Promise<Array<[string, boolean]>> {
  const builds = await engine.store.builds();
  return (builds.at(-1)?.steps ?? []).filter((step) => !/ FROM /.test(step.title)).map((step) => [step.title, step.cached]);
}
