import { describe, expect, it } from 'vitest';
import { findingsToMarkers, type LintFinding } from './lint-markers.ts';

const range = (line: number, start: number, end: number) => ({ start: { line, column: start }, end: { line, column: end } });

describe('findingsToMarkers', () => {
  const rows: Array<[string, LintFinding, { severity: number; message: string; startColumn: number; endColumn: number }]> = [
    ['warning with fix', { rule: 'DL3007', severity: 'warning', message: 'Pin the tag', range: range(1, 6, 19), fix: 'Use python:3.12-slim' },
      { severity: 4, message: 'Pin the tag\nFix: Use python:3.12-slim', startColumn: 6, endColumn: 19 }],
    ['error without fix', { rule: 'X', severity: 'error', message: 'Unknown instruction', range: range(2, 1, 5) },
      { severity: 8, message: 'Unknown instruction', startColumn: 1, endColumn: 5 }],
    ['info', { rule: 'Y', severity: 'info', message: 'Consider', range: range(3, 1, 2), fix: null },
      { severity: 2, message: 'Consider', startColumn: 1, endColumn: 2 }],
    ['empty range widened', { rule: 'Z', severity: 'warning', message: 'Here', range: range(4, 7, 7) },
      { severity: 4, message: 'Here', startColumn: 7, endColumn: 8 }],
    ['unknown severity as warning', { rule: 'W', severity: 'style', message: 'Style', range: range(1, 1, 3) },
      { severity: 4, message: 'Style', startColumn: 1, endColumn: 3 }],
  ];
  it.each(rows)('%s', (_name, finding, expected) => {
    const [marker] = findingsToMarkers([finding]);
    expect(marker).toMatchObject(expected);
    expect(marker?.code).toBe(finding.rule);
  });
});
