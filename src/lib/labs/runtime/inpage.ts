import type { DockerEngine } from '../../docker/index.ts';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { DOCKER_STATE_DIR, LAB_ROOT } from '../shell/layout.ts';
import { createShell } from '../shell/shell.ts';
import type { Shell, ShellLab } from '../shell/types.ts';
import { appendEntry, commandTime, type JournalState } from '../verify/journal.ts';
import { settableClock, type SettableClock } from '../verify/clock.ts';

/** The in-page runtime: a virtual disk, the simulated Docker engine and the shell, all in this tab. */
export type InPageRuntime = {
  fs: MemoryFileSystem;
  engine: DockerEngine;
  shell: Shell;
  /** Engine clock, set to each command's journal time so the server's replay builds the same image IDs. */
  clock: SettableClock;
};

/**
 * Build the in-page runtime from a whole-disk snapshot (the learner's folder
 * and the engine's state folder), restoring the shell history. Building anew
 * is how Reset, Solve and Undo swap state, because the engine may cache what
 * it read from its state folder.
 */
export async function createInPageRuntime(options: {
  disk: Record<string, Uint8Array | string>;
  history: readonly string[];
  lab: ShellLab;
}): Promise<InPageRuntime> {
  const fs = MemoryFileSystem.fromFiles(options.disk);
  await fs.mkdir(LAB_ROOT, { recursive: true });

  const clock = settableClock(new Date());
  const engine = lazyEngine(async () => {
    const { createDockerEngine } = await import('../../docker/index.ts');
    return createDockerEngine({ fs, stateDir: DOCKER_STATE_DIR, clock });
  });
  const shell = createShell({ fs, cwd: LAB_ROOT, docker: engine, lab: options.lab });

  // The shell exposes its live history list; filling it keeps arrow-key recall across reloads.
  shell.history.push(...options.history);
  return { fs, engine, shell, clock };
}

/**
 * Run one command line and record it in the journal: the entry carries the
 * files changed since the previous command ended and the start time, which is
 * also the engine's clock for the whole command. Returns the exit status and
 * the journal whose base is the files after the command.
 */
export async function runJournaled(
  runtime: InPageRuntime,
  journal: JournalState,
  line: string,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  signal?: AbortSignal,
  now: Date = new Date(),
): Promise<{ exitCode: number; journal: JournalState }> {
  const at = commandTime(journal.entries, now);
  const recorded = appendEntry(journal, line, learnerFiles(runtime.fs.snapshot()), at);
  runtime.clock.set(at);
  const exitCode = await runtime.shell.execute(line, io, signal);
  return { exitCode, journal: { entries: recorded.entries, base: learnerFiles(runtime.fs.snapshot()) } };
}

/**
 * Wrap an engine that `load` creates on first use. The engine and its image
 * catalog are most of the lab code, and the prompt does not need them, so
 * they load after it appears.
 */
export function lazyEngine(load: () => Promise<DockerEngine>): DockerEngine {
  let engine: Promise<DockerEngine> | null = null;
  const ready = (): Promise<DockerEngine> => {
    engine ??= load();
    return engine;
  };
  return {
    run: async (args, io, options) => (await ready()).run(args, io, options),
    advanceRegistryTime: async () => (await ready()).advanceRegistryTime(),
    store: {
      listImages: async () => (await ready()).store.listImages(),
      inspect: async (ref) => (await ready()).store.inspect(ref),
      resolve: async (ref) => (await ready()).store.resolve(ref),
      history: async (ref) => (await ready()).store.history(ref),
      registryTags: async () => (await ready()).store.registryTags(),
      builds: async () => (await ready()).store.builds(),
    },
  };
}

/** Prefix every starter path with the lab folder, giving a disk snapshot. */
export function starterDisk(files: Record<string, string>): Record<string, string> {
  const disk: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) disk[`${LAB_ROOT}/${path.replace(/^\/+/, '')}`] = text;
  return disk;
}

const decoder = new TextDecoder();

/** Read the learner's files (everything under the lab folder) as text, by path relative to it. */
export function learnerFiles(disk: Record<string, Uint8Array>): Record<string, string> {
  const prefix = `${LAB_ROOT}/`;
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(disk)) {
    if (path.startsWith(prefix)) files[path.slice(prefix.length)] = decoder.decode(data);
  }
  return files;
}
