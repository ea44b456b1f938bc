import type { CommandHandler } from '../command.ts';
import { absolute, type RunContext } from '../context.ts';

/** Read the input of a text filter: the named files, or stdin when none is named. */
async function readInput(files: string[], context: RunContext, stdin: string, tool: string, stderr: (text: string) => void): Promise<string | null> {
  if (files.length === 0) return stdin;
  let text = '';
  for (const file of files) {
    const content = await context.readText(absolute(context, file));
    if (content === undefined) {
      stderr(`${tool}: ${file}: No such file or directory`);
      return null;
    }
    text += content;
  }
  return text;
}

/** Split text into lines without the empty string after a final newline. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Parse `-n N`, `-nN` or `-N` as a line count (default 10), returning the count and the file operands. */
function lineCount(args: string[]): { count: number; files: string[] } {
  let count = 10;
  const files: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '-n') count = Number(args[++index] ?? 10);
    else if (/^-n\d+$/.test(arg)) count = Number(arg.slice(2));
    else if (/^-\d+$/.test(arg)) count = Number(arg.slice(1));
    else files.push(arg);
  }
  return { count, files };
}

/** Model `head [-n N] [FILE...]`. */
export const head: CommandHandler = async (args, context, streams) => {
  const { count, files } = lineCount(args);
  const text = await readInput(files, context, streams.stdin, 'head', streams.stderr);
  if (text === null) return 1;
  const lines = linesOf(text).slice(0, count);
  if (lines.length > 0) streams.stdout(lines.join('\n'));
  return 0;
};

/** Model `tail [-n N] [FILE...]`. */
export const tail: CommandHandler = async (args, context, streams) => {
  const { count, files } = lineCount(args);
  const text = await readInput(files, context, streams.stdin, 'tail', streams.stderr);
  if (text === null) return 1;
  const lines = linesOf(text).slice(-count);
  if (lines.length > 0) streams.stdout(lines.join('\n'));
  return 0;
};

/** Model `grep [-q] [-i] [-v] [-E] PATTERN [FILE...]`: exit 0 on a match, 1 on none, 2 on errors. */
export const grep: CommandHandler = async (args, context, streams) => {
  const flags = new Set(args.filter((arg) => /^-[a-zA-Z]+$/.test(arg)).flatMap((arg) => [...arg.slice(1)]));
  const [pattern, ...files] = args.filter((arg) => !/^-[a-zA-Z]+$/.test(arg));
  if (pattern === undefined) {
    streams.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...');
    return 2;
  }
  const text = await readInput(files, context, streams.stdin, 'grep', streams.stderr);
  if (text === null) return 2;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags.has('i') ? 'i' : '');
  } catch {
    regex = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags.has('i') ? 'i' : '');
  }
  const matches = linesOf(text).filter((line) => regex.test(line) !== flags.has('v'));
  if (!flags.has('q') && matches.length > 0) streams.stdout(matches.join('\n'));
  return matches.length > 0 ? 0 : 1;
};

/** Model `wc -l` (and plain `wc`, which prints lines, words and bytes). */
export const wc: CommandHandler = async (args, context, streams) => {
  const files = args.filter((arg) => !arg.startsWith('-'));
  const text = await readInput(files, context, streams.stdin, 'wc', streams.stderr);
  if (text === null) return 1;
  const lines = (text.match(/\n/g) ?? []).length;
  if (args.includes('-l')) streams.stdout(`${lines}${files.length > 0 ? ` ${files.join(' ')}` : ''}`);
  else streams.stdout(`${lines} ${text.split(/\s+/).filter((word) => word !== '').length} ${new TextEncoder().encode(text).length}`);
  return 0;
};
