import type { FileSystem } from '../vfs/index.ts';
import { normalizePath } from '../vfs/path.ts';
import { buildWarnings } from './cli/check.ts';
import { dispatch } from './cli/dispatch.ts';
import type { DockerIO } from './cli/types.ts';
import { createStoreReader, type ImageStoreReader } from './store/reader.ts';
import { ImageStore } from './store/store.ts';

export type { DockerIO } from './cli/types.ts';
export type { ImageStoreReader, ImageSummary, HistoryRow, RegistryTag } from './store/reader.ts';
export type { BuildRecord, BuildStepRecord } from './store/state.ts';

/** Clock of the lab; a fixed clock makes tests deterministic. */
export type LabClock = { now(): Date };

export interface DockerEngine {
  /** Run `docker ARGS...` (the arguments after `docker`); returns the exit code. */
  run(args: string[], io: DockerIO, options?: { cwd?: string; env?: Readonly<Record<string, string | undefined>> }): Promise<number>;
  /** Read API for lab checks and the image panel. */
  store: ImageStoreReader;
  /** Move upstream on: floating tags (python:3, latest, ...) now point at newer images. */
  advanceRegistryTime(): Promise<void>;
}

const systemClock: LabClock = { now: () => new Date() };

/**
 * Create the simulated Docker engine over a FileSystem. State (images,
 * layers, build cache, build log, lab registry) lives under `stateDir`,
 * is loaded before every command and saved after it, so several engines
 * over the same FileSystem share one image store.
 */
export function createDockerEngine(options: { fs: FileSystem; stateDir: string; clock?: LabClock }): DockerEngine {
  const clock = options.clock ?? systemClock;
  const store = new ImageStore(options.fs, normalizePath(options.stateDir));
  return {
    async run(args, io, runOptions) {
      await store.load();
      let exitCode: number;
      try {
        exitCode = await dispatch(args, {
          fs: options.fs,
          store,
          io,
          now: () => clock.now(),
          cwd: normalizePath(runOptions?.cwd ?? '/'),
          env: runOptions?.env ?? {},
          lint: (dockerfile, baseEnv) => buildWarnings(dockerfile, baseEnv),
        });
      } catch (error) {
        // A fault of the simulation must not kill the learner's terminal: report it and leave the state as it was.
        io.stderr(`Error: the lab's simulated Docker engine failed: ${(error as Error).message}\nThis is a fault of the simulation, not of your command.\n`);
        return 1;
      }
      await store.save();
      return exitCode;
    },
    store: createStoreReader(store, () => store.load()),
    async advanceRegistryTime() {
      await store.load();
      store.state.epoch += 1;
      await store.save();
    },
  };
}
