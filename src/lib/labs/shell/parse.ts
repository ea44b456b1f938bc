import { parse as parseWords } from 'shell-quote';

/** Marks the file descriptor 2 of a `2>` redirect, which shell-quote would read as the word `2`. */
const STDERR_MARK = '\u0001';
/** Delimiters of a variable reference kept for expansion when the command runs, so `$?` expands to the previous status. */
export const VARIABLE_OPEN = '\u0002';
export const VARIABLE_CLOSE = '\u0003';

/** Word of a command before expansion: text with variable markers, and whether it is a glob pattern. */
export type RawWord = { text: string; glob: boolean };

/** Output redirect: `>`/`>>` to a file for fd 1 or 2, or `2>&1`. */
export type Redirect =
  | { fd: 1 | 2; target: RawWord; append: boolean }
  | { fd: 2; toStdout: true };

export type SimpleCommand = { words: RawWord[]; redirects: Redirect[] };

/** Operator joining a command to the one before it; the first command of a line has `;`. */
export type Connector = ';' | '&&' | '||';

/** Commands joined by `|`: each one's output is the next one's input. */
export type Pipeline = SimpleCommand[];

export type CommandList = Array<{ connector: Connector; pipeline: Pipeline }>;

export type ParseResult = { ok: true; list: CommandList } | { ok: false; message: string };

type Token = string | { op: string } | { op: 'glob'; pattern: string } | { comment: string };

const SUBSTITUTION_ERROR = 'bash: command substitution ($(...) and `...`) is not supported in this shell; run the inner command first';

/** Tell whether a command substitution (`$(` or a backtick) starts at `index`; shell-quote would keep it as text. */
function startsSubstitution(line: string, index: number): boolean {
  return line[index] === '`' || (line[index] === '$' && line[index + 1] === '(');
}

/**
 * Prepare a line for shell-quote: check that quotes are closed, mark `2>` at
 * the start of a word, expand a leading `~`, and turn unquoted newlines into `;`.
 */
function prescan(line: string): { text: string } | { error: string } {
  let out = '';
  let quote: '' | "'" | '"' = '';
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] ?? '';
    if (quote === "'") {
      if (char === "'") quote = '';
      out += char;
      continue;
    }
    if (char === '\\' && index + 1 < line.length) {
      out += char + (line[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (quote === '"') {
      if (startsSubstitution(line, index)) return { error: SUBSTITUTION_ERROR };
      if (char === '"') quote = '';
      out += char;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    if (startsSubstitution(line, index)) return { error: SUBSTITUTION_ERROR };
    const atWordStart = index === 0 || /[\s;&|]/.test(line[index - 1] ?? '');
    const endsWord = index + 1 === line.length || /[\s/;&|<>]/.test(line[index + 1] ?? '');
    if (char === '2' && atWordStart && line[index + 1] === '>') out += STDERR_MARK;
    // An unquoted `~` alone or before `/` is the home folder; shell-quote would keep it literal.
    else if (char === '~' && atWordStart && endsWord) out += '$HOME';
    else if (char === '\n') out += ';';
    else out += char;
  }
  if (quote !== '') return { error: `bash: unexpected EOF while looking for matching \`${quote}'` };
  return { text: out };
}

/** Return the operator of a token, or null for a word, glob or comment. */
function operatorOf(token: Token): string | null {
  if (typeof token === 'string' || !('op' in token) || token.op === 'glob') return null;
  return token.op;
}

/** Return the word a token stands for, or null when it is an operator or comment. */
function wordOf(token: Token): RawWord | null {
  if (typeof token === 'string') return { text: token, glob: false };
  if ('op' in token && token.op === 'glob' && 'pattern' in token) return { text: token.pattern, glob: true };
  return null;
}

const unsupported: Record<string, string> = {
  '|&': '|&: piping standard error is not supported in this shell; use 2>&1 |',
  '<': 'input redirection (<) is not supported in this shell',
  '<(': 'process substitution is not supported in this shell',
  '&': 'background jobs (&) are not supported in this shell',
  '(': 'subshells are not supported in this shell',
  ')': 'subshells are not supported in this shell',
  ';;': "syntax error near unexpected token `;;'",
};

/**
 * Parse one input line into pipelines joined by `;`, `&&` and `||`, with their
 * output redirects. Variables stay as markers for `expandWord`; quotes and
 * escapes are resolved by shell-quote.
 */
export function parseLine(line: string): ParseResult {
  const scanned = prescan(line);
  if ('error' in scanned) return { ok: false, message: scanned.error };

  let tokens: Token[];
  try {
    tokens = parseWords(scanned.text, (name: string) => `${VARIABLE_OPEN}${name}${VARIABLE_CLOSE}`) as Token[];
  } catch (error) {
    // shell-quote throws on a malformed `${...}`; bash reports it as a bad substitution.
    const detail = error instanceof Error ? error.message.replace(/:\s*$/, '').toLowerCase() : 'invalid input';
    return { ok: false, message: `bash: ${detail}` };
  }
  const list: CommandList = [];
  let pipeline: Pipeline = [];
  let current: SimpleCommand = { words: [], redirects: [] };
  let connector: Connector = ';';
  let index = 0;

  const isEmpty = (command: SimpleCommand): boolean => command.words.length === 0 && command.redirects.length === 0;

  const finish = (next: Connector, token: string): string | null => {
    if (isEmpty(current)) return `bash: syntax error near unexpected token \`${token}'`;
    list.push({ connector, pipeline: [...pipeline, current] });
    pipeline = [];
    current = { words: [], redirects: [] };
    connector = next;
    return null;
  };

  while (index < tokens.length) {
    const token = tokens[index] as Token;
    index += 1;
    if (typeof token === 'object' && 'comment' in token) break;

    const op = operatorOf(token);
    if (op === null) {
      const word = wordOf(token);
      if (word === null) continue;
      const next = tokens[index];
      const nextOp = next === undefined ? null : operatorOf(next);
      // `2>` was marked in prescan: the marker word followed by a redirect operator names fd 2.
      if (word.text === STDERR_MARK && !word.glob && (nextOp === '>' || nextOp === '>>' || nextOp === '>&')) {
        index += 1;
        const target = tokens[index] === undefined ? null : wordOf(tokens[index] as Token);
        if (target === null) return { ok: false, message: "bash: syntax error near unexpected token `newline'" };
        index += 1;
        if (nextOp === '>&') {
          if (target.text !== '1') return { ok: false, message: `bash: 2>&${target.text}: only 2>&1 is supported in this shell` };
          current.redirects.push({ fd: 2, toStdout: true });
        } else {
          current.redirects.push({ fd: 2, target, append: nextOp === '>>' });
        }
        continue;
      }
      current.words.push({ text: word.text.replaceAll(STDERR_MARK, '2'), glob: word.glob });
      continue;
    }

    if (op === '>' || op === '>>') {
      const target = tokens[index] === undefined ? null : wordOf(tokens[index] as Token);
      if (target === null) {
        const after = tokens[index] === undefined ? 'newline' : (operatorOf(tokens[index] as Token) ?? 'newline');
        return { ok: false, message: `bash: syntax error near unexpected token \`${after}'` };
      }
      index += 1;
      current.redirects.push({ fd: 1, target, append: op === '>>' });
      continue;
    }
    if (op === '>&') return { ok: false, message: 'bash: >&: only 2>&1 is supported in this shell' };
    if (op === '|') {
      if (isEmpty(current)) return { ok: false, message: "bash: syntax error near unexpected token `|'" };
      pipeline.push(current);
      current = { words: [], redirects: [] };
      continue;
    }
    if (op === ';' || op === '&&' || op === '||') {
      const error = finish(op, op);
      if (error !== null) return { ok: false, message: error };
      continue;
    }
    return { ok: false, message: `bash: ${unsupported[op] ?? `${op}: not supported in this shell`}` };
  }

  if (!isEmpty(current)) list.push({ connector, pipeline: [...pipeline, current] });
  else if (connector !== ';' || pipeline.length > 0) return { ok: false, message: "bash: syntax error near unexpected token `newline'" };
  return { ok: true, list };
}
