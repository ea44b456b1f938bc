/** Short options and operands of a coreutils-style command line. */
export type ParsedOptions = { flags: Set<string>; operands: string[] };

/**
 * Split `args` into single-letter flags (`-la` is `-l -a`) and operands;
 * `--` ends the options. Returns an error line for a letter outside `allowed`,
 * worded like coreutils.
 */
export function parseOptions(command: string, args: string[], allowed: string): ParsedOptions | { error: string } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let optionsDone = false;
  for (const arg of args) {
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    if (arg.startsWith('--')) {
      return { error: `${command}: unrecognized option '${arg}'\nTry '${command} --help' for more information.` };
    }
    for (const letter of arg.slice(1)) {
      if (!allowed.includes(letter)) {
        return { error: `${command}: invalid option -- '${letter}'\nTry '${command} --help' for more information.` };
      }
      flags.add(letter);
    }
  }
  return { flags, operands };
}
