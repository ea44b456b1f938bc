import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { forEachLine } from './io.ts';

/** Collect the lines forEachLine reports for a file's content, read in chunks of `size` bytes. */
function linesOf(content: string, size: number): Array<[string, number]> {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-io-')), 'input.jsonl');
  writeFileSync(file, content);
  const fd = openSync(file, 'r');
  const lines: Array<[string, number]> = [];
  try {
    forEachLine(fd, (text, line) => lines.push([text, line]), size);
  } finally {
    closeSync(fd);
  }
  return lines;
}

describe('forEachLine', () => {
  const rows: Array<[string, string, number, Array<[string, number]>]> = [
    ['trailing newline', 'a\nb\n', 1024, [['a', 1], ['b', 2]]],
    ['no trailing newline', 'a\nb', 1024, [['a', 1], ['b', 2]]],
    ['blank lines keep numbers', 'a\n\nc\n', 2, [['a', 1], ['', 2], ['c', 3]]],
    ['accent split across chunks', 'édge\nnaïve\n', 1, [['édge', 1], ['naïve', 2]]],
    ['empty input', '', 4, []],
  ];
  test.each(rows)('%s', (_name, content, size, expected) => {
    expect(linesOf(content, size)).toEqual(expected);
  });
});
