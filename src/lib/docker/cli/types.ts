import type { FileSystem } from '../../vfs/index.ts';
import type { ImageStore } from '../store/store.ts';
import type { BuildServices } from '../builder/build.ts';

export type DockerIO = { stdout: (text: string) => void; stderr: (text: string) => void };

/** Context every subcommand receives. */
export type CliContext = {
  fs: FileSystem;
  store: ImageStore;
  io: DockerIO;
  now: () => Date;
  /** Working directory in the FileSystem, against which `.` and `-f` resolve. */
  cwd: string;
  lint?: BuildServices['lint'];
  /** Environment of the calling shell; `--build-arg NAME` without a value reads NAME from it. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Command path as typed after `docker`, such as `tag` or `image tag`, for usage errors. */
  commandPath?: string;
};

/** One `docker` subcommand. */
export type Subcommand = {
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run: (args: string[], context: CliContext) => Promise<number>;
};
