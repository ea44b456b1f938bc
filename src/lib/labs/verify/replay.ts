import { createDockerEngine, type DockerEngine, type LabClock } from '../../docker/index.ts';
import { MemoryFileSystem } from '../../vfs/index.ts';
import type { ShellLab } from '../shell/types.ts';
import { DOCKER_STATE_DIR, LAB_ROOT } from '../shell/layout.ts';
import { createShell } from '../shell/shell.ts';
import type { Shell } from '../shell/types.ts';

/** Built-ins a replay may run: Docker, the lab command and file and text commands. Terminal-only commands are left out. */
export const REPLAY_BUILTINS = ['cat', 'cd', 'docker', 'echo', 'grep', 'head', 'lab', 'ls', 'mkdir', 'pwd', 'rm', 'tail', 'touch', 'wc'] as const;

/** Time the replay engine reports for every build and tag, so image ids do not depend on when the server runs. */
export const REPLAY_TIME = '2026-01-05T09:00:00.000Z';

/** Return a clock that always reports the same instant. */
export function fixedClock(time: string = REPLAY_TIME): LabClock {
  return { now: () => new Date(time) };
}

/** Lab state after a replay. */
export type Replay = { fs: MemoryFileSystem; engine: DockerEngine; shell: Shell; root: string };

/**
 * Put `files` (paths relative to the lab folder) in a fresh file system, then
 * run each command through a fresh shell and engine with a fixed clock.
 * Command output is discarded: only the resulting state matters.
 */
export async function replay(files: Record<string, string>, commands: string[], lab?: ShellLab): Promise<Replay> {
  const fs = new MemoryFileSystem();
  await fs.mkdir(LAB_ROOT, { recursive: true });
  for (const [path, text] of Object.entries(files)) fs.writeFileSync(`${LAB_ROOT}/${path}`, text);

  const engine = createDockerEngine({ fs, stateDir: DOCKER_STATE_DIR, clock: fixedClock() });
  const shell = createShell({ fs, cwd: LAB_ROOT, docker: engine, builtins: REPLAY_BUILTINS, lab });
  const discard = { stdout: () => {}, stderr: () => {} };
  for (const command of commands) await shell.execute(command, discard);
  return { fs, engine, shell, root: LAB_ROOT };
}
