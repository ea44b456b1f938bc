import type { RunContext } from './context.ts';

/** Streams a command writes to; the interpreter routes stdout to the log, a file or the next command. */
export type CommandStreams = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: string;
};

/** A modelled command: runs against the image and returns its exit code. */
export type CommandHandler = (args: string[], context: RunContext, streams: CommandStreams) => Promise<number>;
