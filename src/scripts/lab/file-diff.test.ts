import { describe, expect, it } from 'vitest';
import { diffSolution, type FileChange } from './file-diff.ts';

describe('diffSolution', () => {
  const rows: Array<[string, Record<string, string>, Record<string, string>, FileChange[]]> = [
    ['identical files', { Dockerfile: 'FROM a\n' }, { Dockerfile: 'FROM a\n' }, []],
    ['changed line', { Dockerfile: 'FROM a\nRUN x\n' }, { Dockerfile: 'FROM a\nRUN y\n' }, [
      { path: 'Dockerfile', status: 'changed', parts: [
        { kind: 'same', text: 'FROM a\n' },
        { kind: 'removed', text: 'RUN x\n' },
        { kind: 'added', text: 'RUN y\n' },
      ] },
    ]],
    ['new file', {}, { '.dockerignore': '*.pyc\n' }, [
      { path: '.dockerignore', status: 'added', parts: [{ kind: 'added', text: '*.pyc\n' }] },
    ]],
    ['file only the learner has', { 'notes.txt': 'mine\n' }, {}, []],
  ];
  it.each(rows)('%s', (_name, current, solution, expected) => {
    expect(diffSolution(current, solution)).toEqual(expected);
  });
});
