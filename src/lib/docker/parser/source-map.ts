import type { Position, Range } from '../ast.ts';

/** Start of one physical line's text inside a joined instruction. */
export interface Segment {
  /** Offset of the segment in the joined text. */
  offset: number;
  line: number;
  /** 1-based column of the segment's first character in its line. */
  column: number;
}

/**
 * Maps offsets in an instruction's joined text (continuation lines glued
 * together) back to source positions.
 */
export class SourceMap {
  readonly segments: Segment[];

  constructor(segments: Segment[]) {
    this.segments = segments;
  }

  /** Returns the source position of an offset in the joined text. */
  positionAt(offset: number): Position {
    const segments = this.segments;
    let index = segments.length - 1;

    // Instructions span few lines, so a backward linear scan beats a binary search.
    while (index > 0 && (segments[index]?.offset ?? 0) > offset) index--;
    const segment = segments[index] ?? { offset: 0, line: 1, column: 1 };
    return { line: segment.line, column: segment.column + (offset - segment.offset) };
  }

  /** Returns the source range of `[start, end)` in the joined text. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Builds a range on one line. */
export function lineRange(line: number, startColumn: number, endColumn: number): Range {
  return { start: { line, column: startColumn }, end: { line, column: endColumn } };
}
