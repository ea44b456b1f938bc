import { describe, expect, it } from 'vitest';
import { applyCompletion, type CompletionResult } from './completion.ts';

describe('applyCompletion', () => {
  const rows: Array<[string, string, number, number, string[], CompletionResult]> = [
    ['no candidates', 'docker bu', 9, 7, [], { line: 'docker bu', cursor: 9, list: [] }],
    ['one command', 'docker bu', 9, 7, ['build'], { line: 'docker build ', cursor: 13, list: [] }],
    ['one folder', 'cd sr', 5, 3, ['src/'], { line: 'cd src/', cursor: 7, list: [] }],
    ['common prefix', 'docker i', 8, 7, ['image', 'images'], { line: 'docker image', cursor: 12, list: [] }],
    ['nothing to add lists', 'docker image', 12, 7, ['image', 'images'], { line: 'docker image', cursor: 12, list: ['image', 'images'] }],
    ['first word', 'do', 2, 0, ['docker'], { line: 'docker ', cursor: 7, list: [] }],
    ['mid-line before a space', 'cat requir .dockerignore', 10, 4, ['requirements.txt'], { line: 'cat requirements.txt .dockerignore', cursor: 20, list: [] }],
    ['mid-line inside text', 'cat requir|wc', 10, 4, ['requirements.txt'], { line: 'cat requirements.txt |wc', cursor: 21, list: [] }],
    ['mid-line common prefix', 'docker i x', 8, 7, ['image', 'images'], { line: 'docker image x', cursor: 12, list: [] }],
  ];
  it.each(rows)('%s', (_name, line, cursor, start, candidates, expected) => {
    expect(applyCompletion(line, cursor, { start, candidates })).toEqual(expected);
  });
});
