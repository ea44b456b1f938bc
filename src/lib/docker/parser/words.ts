/** Raw word of an argument string with its offsets in that string. */
export interface RawWord {
  value: string;
  start: number;
  end: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Splits on runs of blanks, ignoring quotes, as BuildKit does for FROM, COPY and EXPOSE. */
export function splitOnBlanks(text: string): RawWord[] {
  const words: RawWord[] = [];
  let start = -1;

  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || isBlank(text.charCodeAt(i));
    if (blank) {
      if (start !== -1) {
        words.push({ value: text.slice(start, i), start, end: i });
        start = -1;
      }
    } else if (start === -1) {
      start = i;
    }
  }
  return words;
}

/**
 * Splits on unquoted blanks and keeps quotes and escape tokens in the words,
 * as BuildKit does for ENV, LABEL and ARG before expansion.
 */
export function splitShellWords(text: string, escapeToken: string): RawWord[] {
  const words: RawWord[] = [];
  const escapeCode = escapeToken.charCodeAt(0);
  let start = -1;
  let quote = 0;

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);

    if (start === -1) {
      if (isBlank(code)) continue;
      start = i;
    }

    if (code === escapeCode) {
      // The escaped character joins the word, whatever it is.
      i++;
      continue;
    }
    if (quote !== 0) {
      if (code === quote) quote = 0;
      continue;
    }
    if (code === 34 || code === 39) {
      quote = code;
      continue;
    }
    if (isBlank(code)) {
      words.push({ value: text.slice(start, i), start, end: i });
      start = -1;
    }
  }

  if (start !== -1) words.push({ value: text.slice(start), start, end: text.length });
  return words;
}

/** Flag as found on an instruction line, before validation. */
export interface RawFlag {
  name: string;
  value: string | null;
  start: number;
  end: number;
}

/** Leading `--name[=value]` words of an argument string and the offset where the rest begins. */
export interface ExtractedFlags {
  flags: RawFlag[];
  restStart: number;
}

/**
 * Reads the `--flag` words at the start of an argument string. A bare `--`
 * ends the flags. Quotes inside a flag word are removed, as BuildKit does.
 */
export function extractFlags(text: string): ExtractedFlags {
  const flags: RawFlag[] = [];
  let i = 0;

  for (;;) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45) break;

    const start = i;
    let quote = 0;
    let word = '';
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (quote !== 0) {
        if (code === quote) quote = 0;
        else word += text[i];
      } else if (code === 34 || code === 39) {
        quote = code;
      } else if (isBlank(code)) {
        break;
      } else {
        word += text[i];
      }
    }

    if (word === '--') {
      while (i < text.length && isBlank(text.charCodeAt(i))) i++;
      return { flags, restStart: i };
    }

    const equals = word.indexOf('=');
    const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
    const value = equals === -1 ? null : word.slice(equals + 1);
    flags.push({ name, value, start, end: i });
  }

  return { flags, restStart: i };
}

/**
 * Parses the exec form: a JSON array of strings. Returns undefined for
 * anything else, and the caller then falls back to the shell form silently.
 */
export function parseJsonArray(text: string): string[] | undefined {
  if (text.charCodeAt(0) !== 91) return undefined;

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }

  if (!Array.isArray(parsed)) return undefined;
  for (const item of parsed) if (typeof item !== 'string') return undefined;
  return parsed as string[];
}
