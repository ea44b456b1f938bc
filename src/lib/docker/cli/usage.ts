import type { DockerIO } from './types.ts';

/**
 * Print a usage error as the Docker CLI does: the message, the `See 'docker X --help'.`
 * hint, the usage line and the summary. Returns exit code 1.
 */
export function usageError(io: DockerIO, command: string, usage: string, summary: string, message: string): number {
  io.stderr(`${message}\nSee 'docker ${command} --help'.\n\nUsage:  ${usage}\n\n${summary}\n`);
  return 1;
}

/** Format the "requires exactly N argument(s)" message. */
export function exactArgs(command: string, count: number): string {
  return `"docker ${command}" requires exactly ${count} argument${count === 1 ? '' : 's'}.`;
}

/** Format the "requires at least N argument(s)" message. */
export function minArgs(command: string, count: number): string {
  return `"docker ${command}" requires at least ${count} argument${count === 1 ? '' : 's'}.`;
}
