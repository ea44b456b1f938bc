import { describe, expect, it } from 'vitest';
import { valueForKey } from './splitter.ts';

describe('valueForKey', () => {
  const rows: Array<[string, number, boolean, number | null]> = [
    ['ArrowRight', 20, false, 22],
    ['ArrowLeft', 20, false, 18],
    ['ArrowDown', 30, false, 32],
    ['ArrowUp', 30, false, 28],
    ['ArrowLeft', 20, true, 22],
    ['ArrowRight', 20, true, 18],
    ['PageDown', 20, false, 30],
    ['ArrowRight', 40, false, 40],
    ['ArrowLeft', 10, false, 10],
    ['Home', 25, false, 10],
    ['End', 25, false, 40],
    ['Enter', 25, false, null],
  ];
  it.each(rows)('%s from %d (inverted %s) -> %s', (key, value, inverted, expected) => {
    expect(valueForKey(key, value, 10, 40, inverted)).toBe(expected);
  });
});
