import type { Builtin } from '../types.ts';
import { parseOptions } from './options.ts';
import { readInputs, splitLines } from './input.ts';

/** Parse a line count given as `-n N`, `-nN` or `-N`; returns the remaining args or an error line. */
function lineCount(command: string, args: string[]): { count: number; rest: string[] } | { error: string } {
  let count = 10;
  const rest: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    let value: string | undefined;
    if (arg === '-n') {
      value = args[index + 1];
      index += 1;
    } else if (/^-n\d+$/.test(arg)) value = arg.slice(2);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else {
      rest.push(arg);
      continue;
    }
    if (value === undefined || !/^\d+$/.test(value)) return { error: `${command}: invalid number of lines: '${value ?? ''}'` };
    count = Number(value);
  }
  return { count, rest };
}

/** Build head or tail: print the first or last N lines of each input. */
function lineSlice(command: 'head' | 'tail', pick: (lines: string[], count: number) => string[]): Builtin {
  return {
    summary: `print the ${command === 'head' ? 'first' : 'last'} lines of files or piped input (-n N, default 10)`,
    async run(context) {
      const counted = lineCount(command, context.args);
      if ('error' in counted) {
        context.io.stderr(`${counted.error}\n`);
        return 1;
      }
      const parsed = parseOptions(command, counted.rest, '');
      if ('error' in parsed) {
        context.io.stderr(`${parsed.error}\n`);
        return 1;
      }
      const { inputs, failed } = await readInputs(context, command, parsed.operands);
      const blocks = inputs.map((input) => {
        const lines = pick(splitLines(input.text), counted.count);
        const body = lines.map((line) => `${line}\n`).join('');
        return inputs.length > 1 ? `==> ${input.name} <==\n${body}` : body;
      });
      context.io.stdout(blocks.join('\n'));
      return failed ? 1 : 0;
    },
  };
}

export const head = lineSlice('head', (lines, count) => lines.slice(0, count));
export const tail = lineSlice('tail', (lines, count) => (count === 0 ? [] : lines.slice(-count)));

/** Compile a grep pattern; an invalid regular expression is matched as plain text. */
function compilePattern(pattern: string, ignoreCase: boolean): RegExp {
  const flags = ignoreCase ? 'i' : '';
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  }
}

const grepUsage = "Usage: grep [-i] [-v] [-c] [-n] PATTERN [FILE]...\nTry 'grep --help' for more information.\n";

export const grep: Builtin = {
  summary: 'print lines that match a pattern (-i ignore case, -v invert, -c count, -n line numbers)',
  async run(context) {
    const parsed = parseOptions('grep', context.args, 'ivcnE');
    if ('error' in parsed) {
      const firstLine = parsed.error.split('\n')[0] ?? parsed.error;
      context.io.stderr(`${firstLine}\n${grepUsage}`);
      return 2;
    }
    const [pattern, ...files] = parsed.operands;
    if (pattern === undefined) {
      context.io.stderr(grepUsage);
      return 2;
    }
    const matcher = compilePattern(pattern, parsed.flags.has('i'));
    const invert = parsed.flags.has('v');
    const { inputs, failed } = await readInputs(context, 'grep', files);

    let matched = 0;
    for (const input of inputs) {
      const prefix = inputs.length > 1 ? `${input.name}:` : '';
      const hits = splitLines(input.text)
        .map((line, index) => ({ line, number: index + 1 }))
        .filter(({ line }) => matcher.test(line) !== invert);
      matched += hits.length;
      if (parsed.flags.has('c')) context.io.stdout(`${prefix}${hits.length}\n`);
      else context.io.stdout(hits.map(({ line, number }) => `${prefix}${parsed.flags.has('n') ? `${number}:` : ''}${line}\n`).join(''));
    }
    if (failed) return 2;
    return matched > 0 ? 0 : 1;
  },
};

export const wc: Builtin = {
  summary: 'count lines, words and bytes of files or piped input (-l, -w, -c)',
  async run(context) {
    const parsed = parseOptions('wc', context.args, 'lwc');
    if ('error' in parsed) {
      context.io.stderr(`${parsed.error}\n`);
      return 1;
    }
    const { inputs, failed } = await readInputs(context, 'wc', parsed.operands);
    const chosen = ['l', 'w', 'c'].filter((flag) => parsed.flags.has(flag));
    const columns = chosen.length === 0 ? ['l', 'w', 'c'] : chosen;
    const encoder = new TextEncoder();

    const rows = inputs.map((input) => {
      const counts: Record<string, number> = {
        l: (input.text.match(/\n/g) ?? []).length,
        w: input.text.split(/\s+/).filter((word) => word !== '').length,
        c: encoder.encode(input.text).byteLength,
      };
      const numbers = columns.map((column) => String(counts[column] ?? 0));
      const name = input.name === '(standard input)' ? '' : ` ${input.name}`;
      return (columns.length === 1 && name === '' ? numbers.join(' ') : numbers.map((number) => number.padStart(7)).join(' ')) + name;
    });
    context.io.stdout(rows.map((row) => `${row}\n`).join(''));
    return failed ? 1 : 0;
  },
};
