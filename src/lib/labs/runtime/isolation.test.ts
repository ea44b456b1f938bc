import { describe, expect, it } from 'vitest';
import { isLabPagePath } from './isolation.ts';

describe('isLabPagePath', () => {
  const rows: Array<[string, boolean]> = [
    ['/labs/first-image/', true],
    ['/labs/first-image', true],
    ['/labs/', false],
    ['/labs', false],
    ['/lessons/first-image/', false],
    ['/labs/first-image/extra/', false],
    ['/api/labs/first-image/verify', false],
    ['/labs/Upper/', false],
    ['/', false],
  ];
  it.each(rows)('%s -> %s', (path, expected) => {
    expect(isLabPagePath(path)).toBe(expected);
  });
});
