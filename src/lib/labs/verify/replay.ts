import { createDockerEngine, type DockerEngine } from '../../docker/index.ts';
import { settableClock } from './clock.ts';
import { MemoryFileSystem } from '../../vfs/index.ts';
import type { ShellLab } from '../shell/types.ts';
import { DOCKER_STATE_DIR, LAB_ROOT } from '../shell/layout.ts';
import { createShell } from '../shell/shell.ts';
import type { Shell } from '../shell/types.ts';
import { journalFromCommands, type JournalEntry } from './journal.ts';

/** Built-ins a replay may run: Docker, the lab command and file and text commands. Terminal-only commands are left out. */
export const REPLAY_BUILTINS = ['cat', 'cd', 'docker', 'echo', 'grep', 'head', 'lab', 'ls', 'mkdir', 'pwd', 'rm', 'tail', 'touch', 'wc'] as const;

/** Time the replay clock reports before the first journal entry sets it. */
export const REPLAY_TIME = '2026-01-05T09:00:00.000Z';

/** Lab state after a replay. */
export type Replay = { fs: MemoryFileSystem; engine: DockerEngine; shell: Shell; root: string };

/**
 * Replay a journal on a fresh file system holding the lab's `starterFiles`:
 * for each entry, write or delete its changed files, set the engine's clock to
 * its `at` and run its command through a fresh shell. Then make the lab folder
 * equal `finalFiles` when given, which covers edits after the last command.
 * Command output is discarded: only the resulting state matters.
 */
export async function replayJournal(
  starterFiles: Record<string, string>,
  journal: readonly JournalEntry[],
  finalFiles?: Record<string, string>,
  lab?: ShellLab,
): Promise<Replay> {
  const fs = new MemoryFileSystem();
  await fs.mkdir(LAB_ROOT, { recursive: true });
  await applyFiles(fs, starterFiles);

  const clock = settableClock(new Date(REPLAY_TIME));
  const engine = createDockerEngine({ fs, stateDir: DOCKER_STATE_DIR, clock });
  const shell = createShell({ fs, cwd: LAB_ROOT, docker: engine, builtins: REPLAY_BUILTINS, lab });
  const discard = { stdout: () => {}, stderr: () => {} };
  for (const entry of journal) {
    if (entry.files !== undefined) await applyFiles(fs, entry.files);
    clock.set(new Date(entry.at));
    await shell.execute(entry.command, discard);
  }

  if (finalFiles === undefined) return { fs, engine, shell, root: LAB_ROOT };

  // Files the learner deleted after the last command are gone from finalFiles; remove them here too.
  const prefix = `${LAB_ROOT}/`;
  const removed: Record<string, null> = {};
  for (const path of Object.keys(fs.snapshot())) {
    if (path.startsWith(prefix) && !(path.slice(prefix.length) in finalFiles)) removed[path.slice(prefix.length)] = null;
  }
  await applyFiles(fs, { ...removed, ...finalFiles });
  return { fs, engine, shell, root: LAB_ROOT };
}

/** Put `files` in a fresh lab folder and run `commands` one after another, all at REPLAY_TIME (for check tests). */
export function replay(files: Record<string, string>, commands: readonly string[], lab?: ShellLab): Promise<Replay> {
  return replayJournal(files, journalFromCommands(commands, REPLAY_TIME), undefined, lab);
}

/** Write each file (paths relative to the lab folder), or delete it where the content is null. */
async function applyFiles(fs: MemoryFileSystem, files: Record<string, string | null>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const target = `${LAB_ROOT}/${path}`;
    if (text === null) await fs.rm(target, { force: true });
    else {
      await fs.mkdir(target.slice(0, target.lastIndexOf('/')), { recursive: true });
      fs.writeFileSync(target, text);
    }
  }
}
