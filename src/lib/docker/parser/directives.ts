import { fileLevelError } from './errors.ts';
import type { Directive, EscapeToken } from '../ast.ts';
import { lineRange } from './source-map.ts';

/** Directive keys BuildKit recognises; any other key ends the directive block. */
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/** Result of reading the directive block at the top of a file. */
export interface DirectiveBlock {
  directives: Directive[];
  escapeToken: EscapeToken;
  /** Index of the first line after the block. */
  nextLine: number;
}

/**
 * Reads parser directives from the first lines. Scanning stops at the first
 * line that is not a known `# key=value` directive, even a plain comment or a
 * blank line. Throws ParseError for a repeated key or an invalid escape token.
 */
export function readDirectives(lines: readonly string[]): DirectiveBlock {
  const directives: Directive[] = [];
  const seen = new Set<string>();
  let escapeToken: EscapeToken = '\\';
  let index = 0;

  for (; index < lines.length; index++) {
    const directive = parseDirectiveLine(lines[index] ?? '', index + 1);
    if (!directive) break;

    const range = directive.range;
    if (seen.has(directive.name)) {
      throw fileLevelError(`only one ${directive.name} parser directive can be used`, range);
    }
    seen.add(directive.name);

    if (directive.name === 'escape') {
      if (directive.value !== '\\' && directive.value !== '`') {
        throw fileLevelError(`invalid escape token '${directive.value}' does not match \` or \\`, range);
      }
      escapeToken = directive.value;
    }
    directives.push(directive);
  }

  return { directives, escapeToken, nextLine: index };
}

/** Parses one `# key=value` line; returns undefined when it is not a known directive. */
function parseDirectiveLine(text: string, line: number): Directive | undefined {
  // The `#` must be the first character: an indented comment is not a directive.
  if (text.charCodeAt(0) !== 35) return undefined;

  let i = 1;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  const keyStart = i;
  if (!isLetter(text.charCodeAt(i))) return undefined;
  while (i < text.length && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
  const key = text.slice(keyStart, i).toLowerCase();

  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (text[i] !== '=') return undefined;
  i++;

  const value = text.slice(i).trim();
  if (value === '' || !KNOWN_DIRECTIVES.has(key)) return undefined;
  return { name: key, value, range: lineRange(line, 1, text.length + 1) };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 13;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
