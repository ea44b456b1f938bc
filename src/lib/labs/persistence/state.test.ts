import { describe, expect, it } from 'vitest';
import { isLabRecord } from './state.ts';

const snapshot = { files: {}, openFile: null, history: [], taskStates: {} };

describe('isLabRecord', () => {
  const rows: Array<[string, unknown, boolean]> = [
    ['complete record', { version: 1, labId: 'a', current: snapshot, undo: null, savedAt: 1 }, true],
    ['null', null, false],
    ['older version', { version: 0, labId: 'a', current: snapshot }, false],
    ['missing lab id', { version: 1, current: snapshot }, false],
    ['history not a list', { version: 1, labId: 'a', current: { ...snapshot, history: 'ls' } }, false],
    ['missing files', { version: 1, labId: 'a', current: { ...snapshot, files: null } }, false],
  ];
  it.each(rows)('%s', (_name, value, expected) => {
    expect(isLabRecord(value)).toBe(expected);
  });
});
