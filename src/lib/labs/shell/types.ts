import type { DockerEngine } from '../../docker/index.ts';
import type { FileSystem } from '../../vfs/index.ts';
import type { LabTask } from '../definition/schema.ts';

/** Output streams of a command: the terminal, a file after a redirect, or a buffer in tests. */
export type ShellIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/** Replacement for the word under the cursor: `line.slice(start, cursor)` is replaced by one of the candidates. */
export type Completion = { start: number; candidates: string[] };

/** The lab a shell belongs to, for the `lab` built-in. */
export type ShellLab = { id: string; title: string; tasks: LabTask[] };

export type ShellOptions = {
  fs: FileSystem;
  /** Absolute starting folder, usually the lab root. */
  cwd: string;
  docker: DockerEngine;
  /** Extra variables; HOME, USER, PWD and `?` are always set by the shell. */
  env?: Record<string, string>;
  lab?: ShellLab;
  /** Lab root the checks read from; defaults to `cwd`. */
  root?: string;
  /** Names of the built-ins this shell runs; every other name is "command not found". Defaults to all. */
  builtins?: readonly string[];
};

/** The in-page shell: parses a line, runs built-ins, keeps history and the working folder. */
export interface Shell {
  /** Run one input line; resolves to its exit status, also stored in `$?`. */
  execute(line: string, io: ShellIO, signal?: AbortSignal): Promise<number>;
  /** Offer completions for the word ending at `cursor` (Tab). */
  complete(line: string, cursor: number): Promise<Completion>;
  /** Lines run so far, oldest first (blank lines are not recorded). */
  readonly history: string[];
  readonly cwd: string;
  /** Return the prompt, such as `learner@slipway:~/lab$ `. */
  prompt(): string;
}

/** Mutable state a built-in may read and change (the working folder, history, variables). */
export type ShellState = {
  fs: FileSystem;
  docker: DockerEngine;
  cwd: string;
  previousCwd: string;
  env: Record<string, string>;
  history: string[];
  lab?: ShellLab;
  root: string;
  builtinNames: readonly string[];
  /** Folders the lab user may write in (home and /tmp); writes elsewhere fail with Permission denied. */
  writableRoots: readonly string[];
};

/** Everything one built-in call receives. */
export type BuiltinContext = {
  /** Arguments after the command name, already expanded. */
  args: string[];
  io: ShellIO;
  state: ShellState;
  signal?: AbortSignal;
  /** Output of the previous command of a pipeline; undefined when the command is not piped into. */
  stdin?: string;
};

/** A built-in command; resolves to its exit status. */
export type Builtin = {
  /** One line for `help`. */
  summary: string;
  run: (context: BuiltinContext) => Promise<number>;
};
