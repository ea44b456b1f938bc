/** One simple command of a shell script: its words with quotes removed. */
export interface SimpleCommand {
  words: string[];
  /** Operator that ended the command: `&&`, `||`, `|`, `;`, `&`, newline or end of script. */
  terminator: string;
}

/** Shell script of a RUN instruction, split into simple commands. */
export interface ShellScript {
  commands: SimpleCommand[];
  /** True when a `|` pipe joins two commands. */
  hasPipe: boolean;
}

const OPERATOR_START = new Set(['&', '|', ';', '\n', '(', ')']);

/** Returns true for characters that end a run of ordinary word characters. */
function isSpecial(code: number): boolean {
  // blank, tab, CR, newline, quotes, backslash, `$`, `#` and the operators `& | ; ( )`.
  return (
    code === 32 || code === 9 || code === 13 || code === 10 || code === 39 || code === 34 || code === 92 ||
    code === 36 || code === 35 || code === 38 || code === 124 || code === 59 || code === 40 || code === 41
  );
}

/**
 * Splits a POSIX shell script into simple commands for the lint rules. It
 * understands quotes, backslash escapes, comments and the list and pipe
 * operators, which is enough to find `apt-get install` or `cd`. It does not
 * expand variables or run substitutions: `$(...)` stays inside its word.
 */
export function parseShellScript(script: string): ShellScript {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let hasPipe = false;
  let i = 0;

  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (terminator: string): void => {
    endWord();
    if (words.length > 0) commands.push({ words, terminator });
    words = [];
  };

  while (i < script.length) {
    const ch = script.charAt(i);

    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      i++;
    } else if (ch === '#' && !inWord) {
      const newline = script.indexOf('\n', i);
      i = newline === -1 ? script.length : newline;
    } else if (ch === '\\') {
      // A backslash-newline joins lines; any other escaped character is literal.
      if (script.charAt(i + 1) !== '\n') {
        word += script.charAt(i + 1);
        inWord = true;
      }
      i += 2;
    } else if (ch === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close === -1 ? script.length : close;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i = readDoubleQuoted(script, i + 1, (text) => {
        word += text;
      });
      inWord = true;
    } else if (ch === '$' && script.charAt(i + 1) === '(') {
      const end = findClosingParen(script, i + 2);
      word += script.slice(i, end);
      inWord = true;
      i = end;
    } else if (OPERATOR_START.has(ch)) {
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        endCommand(two);
        i += 2;
      } else {
        if (ch === '|') hasPipe = true;
        endCommand(ch === '(' || ch === ')' ? ';' : ch);
        i++;
      }
    } else {
      // Copy a run of ordinary characters in one slice.
      let end = i + 1;
      while (end < script.length && !isSpecial(script.charCodeAt(end))) end++;
      word += script.slice(i, end);
      inWord = true;
      i = end;
    }
  }
  endCommand('');
  return { commands, hasPipe };
}

/** Reads a double-quoted string from `start` (after the quote); returns the index after the closing quote. */
function readDoubleQuoted(script: string, start: number, append: (text: string) => void): number {
  let i = start;
  let text = '';
  while (i < script.length && script.charAt(i) !== '"') {
    if (script.charAt(i) === '\\' && i + 1 < script.length) {
      text += script.charAt(i + 1);
      i += 2;
    } else {
      text += script.charAt(i);
      i++;
    }
  }
  append(text);
  return i + 1;
}

/** Returns the index just after the `)` matching an already opened `(`. */
function findClosingParen(script: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < script.length && depth > 0) {
    const ch = script.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    i++;
  }
  return i;
}

/**
 * Returns the words of a command from its program name on: leading
 * `VAR=value` assignments and `sudo`, `env` and `exec` wrappers are skipped.
 */
export function commandWords(command: SimpleCommand): string[] {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) i++;
    else if (word === 'sudo' || word === 'env' || word === 'exec' || word === 'time' || word === 'nohup') {
      i++;
      // Options of the wrapper, such as `sudo -u app`, come before the program.
      while (i < words.length && (words[i] ?? '').startsWith('-')) i += (words[i] === '-u' || words[i] === '-g') ? 2 : 1;
    } else break;
  }
  return words.slice(i);
}

/** Returns the program name of a command without its directory (`/usr/bin/pip3` → `pip3`). */
export function programName(words: readonly string[]): string {
  const first = words[0] ?? '';
  const slash = first.lastIndexOf('/');
  return slash === -1 ? first : first.slice(slash + 1);
}
