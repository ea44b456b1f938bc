import type { Word } from '../ast.ts';
import { SourceMap } from './source-map.ts';
import type { Segment } from './source-map.ts';
import { lineRange } from './source-map.ts';

/** One instruction's text after joining continuation lines. */
export interface LogicalLine {
  /** Joined text without leading or trailing blanks. */
  text: string;
  map: SourceMap;
  startLine: number;
  /** Last physical line read, before any heredoc body. */
  endLine: number;
  /** Column just after the last character of `endLine`. */
  endColumn: number;
  /** True when an empty line sat inside the continuation. */
  hasEmptyContinuation: boolean;
}

/** Body of one heredoc and where its terminator line is. */
export interface HeredocBody {
  content: string;
  endLine: number;
  endColumn: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12;
}

/** Returns the index of the first non-blank character, or the length for a blank line. */
function firstNonBlank(text: string): number {
  let i = 0;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Returns where the content of a continued line ends (the index of its escape
 * token), or -1 when the line does not continue. A line continues when it
 * ends in the escape token, blanks allowed after it, unless that token is
 * itself escaped.
 */
function continuationCut(text: string, escapeCode: number): number {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== escapeCode) return -1;
  if (end >= 2 && text.charCodeAt(end - 2) === escapeCode) return -1;
  return end - 1;
}

/**
 * Single-pass reader of physical lines into instructions: skips blank and
 * comment lines, joins continuation lines (dropping comment lines and noting
 * empty ones inside them) and reads heredoc bodies on request.
 */
export class LineScanner {
  private readonly lines: readonly string[];
  private readonly escapeCode: number;
  private index: number;
  /** Comment lines outside instructions, in order. */
  readonly comments: Word[] = [];

  constructor(lines: readonly string[], startIndex: number, escapeToken: string) {
    this.lines = lines;
    this.index = startIndex;
    this.escapeCode = escapeToken.charCodeAt(0);
  }

  /** Reads the next instruction's joined line, or undefined at the end of the file. */
  next(): LogicalLine | undefined {
    const lines = this.lines;

    while (this.index < lines.length) {
      const raw = lines[this.index++] ?? '';
      const lineNumber = this.index;
      const start = firstNonBlank(raw);
      if (start === raw.length) continue;

      if (raw.charCodeAt(start) === 35) {
        this.comments.push({ value: raw.slice(start), range: lineRange(lineNumber, start + 1, raw.length + 1) });
        continue;
      }

      const joined = this.join(raw, start, lineNumber);
      if (joined) return joined;
    }
    return undefined;
  }

  /** Joins a first line with its continuation lines; undefined when nothing but escapes remained. */
  private join(raw: string, start: number, lineNumber: number): LogicalLine | undefined {
    const lines = this.lines;
    const segments: Segment[] = [{ offset: 0, line: lineNumber, column: start + 1 }];
    let cut = continuationCut(raw, this.escapeCode);
    let text = cut === -1 ? raw.slice(start) : raw.slice(start, cut);
    let endLine = lineNumber;
    let endColumn = raw.length + 1;
    let hasEmptyContinuation = false;

    while (cut !== -1 && this.index < lines.length) {
      const next = lines[this.index++] ?? '';
      const nextNumber = this.index;
      endLine = nextNumber;
      endColumn = next.length + 1;

      const first = firstNonBlank(next);
      if (first === next.length) {
        hasEmptyContinuation = true;
        continue;
      }
      if (next.charCodeAt(first) === 35) continue;

      cut = continuationCut(next, this.escapeCode);
      segments.push({ offset: text.length, line: nextNumber, column: 1 });
      text += cut === -1 ? next : next.slice(0, cut);
    }

    // A first line holding only the escape token leaves leading blanks from the next line.
    const lead = firstNonBlank(text);
    if (lead > 0) {
      text = text.slice(lead);
      for (const segment of segments) segment.offset -= lead;
    }
    text = text.trimEnd();
    if (text === '') return undefined;

    return { text, map: new SourceMap(segments), startLine: lineNumber, endLine, endColumn, hasEmptyContinuation };
  }

  /**
   * Reads a heredoc body up to the line equal to the delimiter (after removing
   * leading tabs when `stripTabs`). Returns undefined at the end of the file.
   */
  readHeredoc(delimiter: string, stripTabs: boolean): HeredocBody | undefined {
    const lines = this.lines;
    let content = '';

    while (this.index < lines.length) {
      const raw = lines[this.index++] ?? '';
      const line = stripTabs ? stripLeadingTabs(raw) : raw;
      if (line === delimiter) return { content, endLine: this.index, endColumn: raw.length + 1 };
      content += line + '\n';
    }
    return undefined;
  }
}

function stripLeadingTabs(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 9) i++;
  return i === 0 ? text : text.slice(i);
}
