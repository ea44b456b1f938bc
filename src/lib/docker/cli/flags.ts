/** Kind of value a flag takes. */
export type FlagKind = 'bool' | 'string' | 'list';

/** One flag of a subcommand: long name, optional shorthand, kind. */
export type FlagSpec = { name: string; short?: string; kind: FlagKind };

export type ParsedFlags = { values: Map<string, string[]>; operands: string[] };

/** Error with the Docker CLI's usage-error text. */
export class UsageError extends Error {}

/**
 * Parse arguments the way the Docker CLI (cobra/pflag) does: `--name value`,
 * `--name=value`, `-t value`, `-tvalue`, grouped booleans `-qa`, and `--`
 * ending the flags. Flags after the first operand are still read (interspersed),
 * unless `stopAtOperand` is set (for `docker run IMAGE CMD...`).
 */
export function parseFlags(args: string[], specs: FlagSpec[], stopAtOperand = false): ParsedFlags {
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (spec: FlagSpec, value: string) => values.set(spec.name, [...(values.get(spec.name) ?? []), value]);
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      const spec = specs.find((candidate) => candidate.name === name);
      if (spec === undefined) throw new UsageError(`unknown flag: --${name}`);
      if (spec.kind === 'bool') add(spec, inline ?? 'true');
      else {
        const value = inline ?? args[++index];
        if (value === undefined) throw new UsageError(`flag needs an argument: --${name}`);
        add(spec, value);
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      for (let position = 1; position < arg.length; position += 1) {
        const letter = arg[position] ?? '';
        const spec = specs.find((candidate) => candidate.short === letter);
        if (spec === undefined) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (spec.kind === 'bool') {
          // pflag reads `-H=false` as a value for a boolean shorthand.
          if (arg[position + 1] === '=') {
            add(spec, arg.slice(position + 2));
            break;
          }
          add(spec, 'true');
          continue;
        }
        const rest = arg.slice(position + 1);
        const value = rest !== '' ? rest.replace(/^=/, '') : args[++index];
        if (value === undefined) throw new UsageError(`flag needs an argument: '${letter}' in -${letter}`);
        add(spec, value);
        break;
      }
      continue;
    }
    operands.push(arg);
    if (stopAtOperand) {
      operands.push(...args.slice(index + 1));
      break;
    }
  }
  return { values, operands };
}

/** Return the last value of a flag, or undefined. */
export function flagValue(flags: ParsedFlags, name: string): string | undefined {
  return flags.values.get(name)?.at(-1);
}

/** Tell whether a boolean flag is set. */
export function flagSet(flags: ParsedFlags, name: string): boolean {
  const value = flagValue(flags, name);
  return value !== undefined && value !== 'false';
}
