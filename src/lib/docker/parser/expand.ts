import { ExpansionError } from '../ast.ts';
import type { EscapeToken, Variables } from '../ast.ts';
import { removePrefix, removeSuffix, replacePattern } from './shell-pattern.ts';

/** Options of one expansion. */
export interface ExpandOptions {
  /**
   * Called with each variable name that was referenced but not set.
   * `guarded` is true inside `${name-…}`, `${name+…}` and `${name?…}`, which handle the unset case themselves.
   */
  onUnset?: (name: string, guarded: boolean) => void;
}

/** Thrown for malformed words, such as an unterminated quote or `${a:x}`. */
export class WordSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WordSyntaxError';
  }
}

/**
 * Expands `$` references in a Dockerfile word and removes quotes and escape
 * tokens, as BuildKit's shell lexer does for ENV, COPY, WORKDIR and the like.
 * Unset variables expand to the empty string. Throws ExpansionError for
 * `${a:?msg}` and WordSyntaxError for malformed words.
 */
export function expandWord(
  text: string,
  vars: Variables,
  escapeToken: EscapeToken = '\\',
  options: ExpandOptions = {},
): string {
  const lexer = new WordLexer(text, vars, escapeToken, options);
  return lexer.readWord('');
}

/**
 * Expands a word like `expandWord`, then splits it on unquoted blanks,
 * as BuildKit does for the words of EXPOSE, VOLUME and USER.
 */
export function expandWords(
  text: string,
  vars: Variables,
  escapeToken: EscapeToken = '\\',
  options: ExpandOptions = {},
): string[] {
  const lexer = new WordLexer(text, vars, escapeToken, options);
  return lexer.readWords();
}

/** Returns the names of every variable a word references, in order, without expanding. */
export function referencedVariables(text: string, escapeToken: EscapeToken = '\\'): string[] {
  const names: string[] = [];
  const lexer = new WordLexer(text, new Map(), escapeToken, {});
  lexer.onReference = (name) => names.push(name);
  try {
    lexer.readWord('');
  } catch {
    // A malformed word still lists the references seen before the error.
  }
  return names;
}

/** Looks a variable up in a Map or a plain record. */
export function lookupVariable(vars: Variables, name: string): string | undefined {
  if (vars instanceof Map) return vars.get(name);
  const record = vars as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

const SPECIAL_PARAMETERS = '@*#?-$!0';

/** Returns true for characters that may appear in a variable name. */
function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

/** Single-pass reader of one word; `stop` characters end a nested word (used inside `${...}`). */
class WordLexer {
  private pos = 0;
  private readonly text: string;
  private readonly vars: Variables;
  private readonly escape: string;
  private readonly options: ExpandOptions;
  onReference: ((name: string) => void) | undefined;

  constructor(text: string, vars: Variables, escapeToken: EscapeToken, options: ExpandOptions) {
    this.text = text;
    this.vars = vars;
    this.escape = escapeToken;
    this.options = options;
  }

  /** Reads until the end of input or an unescaped character in `stop`, expanding as it goes. */
  readWord(stop: string): string {
    let out = '';
    const text = this.text;

    while (this.pos < text.length) {
      const ch = text.charAt(this.pos);
      if (stop !== '' && stop.includes(ch)) break;

      if (ch === "'") {
        out += this.readSingleQuoted();
      } else if (ch === '"') {
        out += this.readDoubleQuoted();
      } else if (ch === '$') {
        out += this.readDollar();
      } else if (ch === this.escape) {
        this.pos++;
        if (this.pos < text.length) out += text.charAt(this.pos++);
      } else {
        out += ch;
        this.pos++;
      }
    }
    return out;
  }

  /** Reads blank-separated words; quoted blanks stay inside a word. */
  readWords(): string[] {
    const words: string[] = [];
    let current = '';
    let inWord = false;
    const text = this.text;

    while (this.pos < text.length) {
      const ch = text.charAt(this.pos);
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (inWord) words.push(current);
        current = '';
        inWord = false;
        this.pos++;
        continue;
      }

      inWord = true;
      if (ch === "'") current += this.readSingleQuoted();
      else if (ch === '"') current += this.readDoubleQuoted();
      else if (ch === '$') {
        // An unquoted expansion that yields blanks splits into several words.
        const value = this.readDollar();
        const parts = value.split(/[ \t\n]+/);
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) {
            if (current !== '') words.push(current);
            current = '';
          }
          current += parts[i];
        }
      } else if (ch === this.escape) {
        this.pos++;
        if (this.pos < text.length) current += text.charAt(this.pos++);
      } else {
        current += ch;
        this.pos++;
      }
    }
    if (inWord && current !== '') words.push(current);
    return words;
  }

  private readSingleQuoted(): string {
    const close = this.text.indexOf("'", this.pos + 1);
    if (close === -1) {
      throw new WordSyntaxError('unexpected end of statement while looking for matching single-quote');
    }
    const value = this.text.slice(this.pos + 1, close);
    this.pos = close + 1;
    return value;
  }

  private readDoubleQuoted(): string {
    let out = '';
    const text = this.text;
    this.pos++;

    while (this.pos < text.length) {
      const ch = text.charAt(this.pos);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '$') {
        out += this.readDollar();
      } else if (ch === this.escape && this.pos + 1 < text.length) {
        // Inside double quotes the escape token only escapes `"`, `$` and itself.
        const next = text.charAt(this.pos + 1);
        out += next === '"' || next === '$' || next === this.escape ? next : ch + next;
        this.pos += 2;
      } else {
        out += ch;
        this.pos++;
      }
    }
    throw new WordSyntaxError('unexpected end of statement while looking for matching double-quote');
  }

  /** Reads a `$` reference at `pos` and returns its value. */
  private readDollar(): string {
    const text = this.text;
    this.pos++;
    if (this.pos >= text.length) return '$';

    if (text.charAt(this.pos) !== '{') {
      const name = this.readName();
      if (name === '') return '$';
      return this.valueOf(name) ?? '';
    }

    this.pos++;
    const name = this.readName();
    if (name === '') throw new WordSyntaxError('syntax error: bad substitution');
    if (this.pos >= text.length) throw new WordSyntaxError("syntax error: missing '}'");

    const op = text.charAt(this.pos);
    if (op === '}') {
      this.pos++;
      return this.valueOf(name) ?? '';
    }
    return this.readModifier(name);
  }

  /** Applies the modifier after `${name`, reading up to the closing brace. */
  private readModifier(name: string): string {
    const text = this.text;
    let op = text.charAt(this.pos++);
    let colon = false;

    if (op === ':') {
      colon = true;
      op = text.charAt(this.pos++);
      if (op !== '-' && op !== '+' && op !== '?') {
        throw new WordSyntaxError(`unsupported modifier (${op}) in substitution`);
      }
    } else if ((op === '#' || op === '%' || op === '/') && text.charAt(this.pos) === op) {
      // Doubled operator: longest match (`##`, `%%`) or replace all (`//`).
      this.pos++;
      op += op;
    }

    const value = this.valueOf(name, op === '-' || op === '+' || op === '?');
    const isSet = value !== undefined;
    const isUsable = colon ? isSet && value !== '' : isSet;

    if (op === '/' || op === '//') {
      // BuildKit requires both slashes: `${name/pattern/replacement}`.
      const pattern = this.readWord('/');
      if (text.charAt(this.pos) !== '/') throw new WordSyntaxError("syntax error: missing '/' in ${}");
      this.pos++;
      const replacement = this.readWord('}');
      this.expectClose();
      return replacePattern(value ?? '', pattern, replacement, op === '//');
    }

    const word = this.readWord('}');
    this.expectClose();

    switch (op) {
      case '-':
        return isUsable ? (value as string) : word;
      case '+':
        return isUsable ? word : '';
      case '?': {
        if (isUsable) return value as string;
        let message = word;
        if (message === '') message = colon ? 'is not allowed to be empty' : 'is not allowed to be unset';
        throw new ExpansionError(name, message);
      }
      case '#':
      case '##':
        return removePrefix(value ?? '', word, op === '##');
      case '%':
      case '%%':
        return removeSuffix(value ?? '', word, op === '%%');
      default:
        throw new WordSyntaxError(`unsupported modifier (${op}) in substitution`);
    }
  }

  private expectClose(): void {
    if (this.text.charAt(this.pos) !== '}') throw new WordSyntaxError("syntax error: missing '}'");
    this.pos++;
  }

  /** Reads a variable name, a run of digits or one special parameter. */
  private readName(): string {
    const text = this.text;
    const start = this.pos;
    const first = text.charCodeAt(start);

    if (first >= 48 && first <= 57) {
      while (this.pos < text.length && isDigit(text.charCodeAt(this.pos))) this.pos++;
      return text.slice(start, this.pos);
    }
    if (SPECIAL_PARAMETERS.includes(text.charAt(start)) && start < text.length) {
      this.pos++;
      return text.charAt(start);
    }
    while (this.pos < text.length && isNameChar(text.charCodeAt(this.pos))) this.pos++;
    return text.slice(start, this.pos);
  }

  private valueOf(name: string, guarded = false): string | undefined {
    this.onReference?.(name);
    const value = lookupVariable(this.vars, name);
    if (value === undefined) this.options.onUnset?.(name, guarded);
    return value;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
