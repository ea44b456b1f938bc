import type { DockerIO } from './types.ts';

/** Number of operands a command takes, as the Docker CLI's argument validators state it. */
export type ArgumentCount = { exactly: number } | { atLeast: number } | { atMost: number };

/**
 * Rewrite a canonical usage line (`docker image tag SOURCE ...`) for the
 * command path the user typed (`tag`), as cobra prints the invoked command's path.
 */
export function usageLine(usage: string, commandPath: string): string {
  const words = usage.split(' ');
  let operandsAt = 1;
  while (operandsAt < words.length && /^[a-z][a-z-]*$/.test(words[operandsAt] ?? '')) operandsAt += 1;
  return ['docker', commandPath, ...words.slice(operandsAt)].join(' ');
}

/**
 * Print a flag error as Docker CLI 28 does (`unknown flag: --boo`, the usage
 * line, the help hint) and return its exit code, 125.
 */
export function flagError(io: DockerIO, commandPath: string, usage: string, message: string): number {
  io.stderr(`${message}\n\nUsage:  ${usageLine(usage, commandPath)}\n\nRun 'docker ${commandPath} --help' for more information\n`);
  return 125;
}

/** Format the argument-count sentence, such as `docker: 'docker tag' requires 2 arguments`. */
export function argumentCountMessage(commandPath: string, count: ArgumentCount): string {
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if ('exactly' in count) return `docker: 'docker ${commandPath}' requires ${plural(count.exactly)}`;
  if ('atLeast' in count) return `docker: 'docker ${commandPath}' requires at least ${plural(count.atLeast)}`;
  return `docker: 'docker ${commandPath}' requires at most ${plural(count.atMost)}`;
}

/**
 * Format a wrong-number-of-arguments error as Docker CLI 28.5 does. Its
 * at-least validator ends with "See" where the others print "Run".
 * NOTE: 28.5.2's at-most validator prints "SRun", a typo Slipway does not copy.
 */
export function argumentCountText(commandPath: string, usage: string, count: ArgumentCount): string {
  const hint = 'atLeast' in count ? 'See' : 'Run';
  return `${argumentCountMessage(commandPath, count)}\n\nUsage:  ${usageLine(usage, commandPath)}\n\n${hint} 'docker ${commandPath} --help' for more information`;
}

/** Print a wrong-number-of-arguments error as Docker CLI 28.5 does and return its exit code, 1. */
export function argumentCountError(io: DockerIO, commandPath: string, usage: string, count: ArgumentCount): number {
  io.stderr(`${argumentCountText(commandPath, usage, count)}\n`);
  return 1;
}

/** Format a command's runtime failure as Docker CLI 28 does: `docker: <error>`, a blank line, the help hint. */
export function commandErrorText(command: string, message: string): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information`;
}
