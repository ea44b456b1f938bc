import { describe, expect, it } from 'vitest';
import { appendEntry, commandTime, compactJournal, diffFiles, type JournalEntry } from './journal.ts';

describe('diffFiles', () => {
  const rows: Array<[string, Record<string, string>, Record<string, string>, Record<string, string | null> | undefined]> = [
    ['no change', { a: '1' }, { a: '1' }, undefined],
    ['edited file', { a: '1', b: '2' }, { a: '1', b: '3' }, { b: '3' }],
    ['new file', { a: '1' }, { a: '1', c: '' }, { c: '' }],
    ['deleted file', { a: '1', b: '2' }, { a: '1' }, { b: null }],
    ['all at once', { a: '1', b: '2' }, { a: '9', c: '3' }, { a: '9', c: '3', b: null }],
  ];
  it.each(rows)('%s', (_name, before, after, expected) => {
    expect(diffFiles(before, after)).toEqual(expected);
  });
});

describe('commandTime', () => {
  const entry = (at: string): JournalEntry => ({ at, command: 'ls' });
  const rows: Array<[string, JournalEntry[], string, string]> = [
    ['first command', [], '2026-12-04T21:00:00.000Z', '2026-12-04T21:00:00.000Z'],
    ['later command', [entry('2026-12-04T21:00:00.000Z')], '2026-12-04T21:00:05.000Z', '2026-12-04T21:00:05.000Z'],
    ['clock stepped back', [entry('2026-12-04T21:00:05.000Z')], '2026-12-04T21:00:00.000Z', '2026-12-04T21:00:05.000Z'],
  ];
  it.each(rows)('%s', (_name, entries, now, expected) => {
    expect(commandTime(entries, new Date(now)).toISOString()).toBe(expected);
  });
});

describe('appendEntry', () => {
  it('records only changed files', () => {
    const state = { entries: [], base: { a: '1', b: '2' } };
    const next = appendEntry(state, 'docker build .', { a: '1', b: '3' }, new Date('2026-12-04T21:00:00.000Z'));
    expect(next.entries).toEqual([{ at: '2026-12-04T21:00:00.000Z', files: { b: '3' }, command: 'docker build .' }]);
    expect(next.base).toEqual(state.base);
  });

  it('omits files when none changed', () => {
    const next = appendEntry({ entries: [], base: { a: '1' } }, 'ls', { a: '1' }, new Date('2026-12-04T21:00:00.000Z'));
    expect(next.entries).toEqual([{ at: '2026-12-04T21:00:00.000Z', command: 'ls' }]);
  });
});

describe('compactJournal', () => {
  const at = '2026-12-04T21:00:00.000Z';
  const rows: Array<[string, JournalEntry[], JournalEntry[]]> = [
    ['keeps state-changing commands', [{ at, command: 'docker build .' }], [{ at, command: 'docker build .' }]],
    ['drops read-only commands', [{ at, command: 'ls -la' }, { at, command: 'lab check' }, { at, command: 'docker images' }], [{ at, command: 'docker images' }]],
    ['keeps a redirect', [{ at, command: 'cat app.py > copy.py' }], [{ at, command: 'cat app.py > copy.py' }]],
    ['moves dropped files to the next entry', [{ at, files: { a: '1', b: null }, command: 'ls' }, { at, files: { a: '2' }, command: 'docker build .' }], [{ at, files: { a: '2', b: null }, command: 'docker build .' }]],
    ['drops trailing files with their command', [{ at, command: 'docker build .' }, { at, files: { a: '1' }, command: 'cat a' }], [{ at, command: 'docker build .' }]],
  ];
  it.each(rows)('%s', (_name, entries, expected) => {
    expect(compactJournal(entries)).toEqual(expected);
  });
});
