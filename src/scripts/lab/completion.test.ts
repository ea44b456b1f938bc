import { describe, expect, it } from 'vitest';
import { applyCompletion, type CompletionResult } from './completion.ts';

describe('applyCompletion', () => {
  const rows: Array<[string, string, number, string[], CompletionResult]> = [
    ['no candidates', 'docker bu', 7, [], { line: 'docker bu', list: [] }],
    ['one command', 'docker bu', 7, ['build'], { line: 'docker build ', list: [] }],
    ['one folder', 'cd sr', 3, ['src/'], { line: 'cd src/', list: [] }],
    ['common prefix', 'docker i', 7, ['image', 'images'], { line: 'docker image', list: [] }],
    ['nothing to add lists', 'docker image', 7, ['image', 'images'], { line: 'docker image', list: ['image', 'images'] }],
    ['first word', 'do', 0, ['docker'], { line: 'docker ', list: [] }],
  ];
  it.each(rows)('%s', (_name, line, start, candidates, expected) => {
    expect(applyCompletion(line, { start, candidates })).toEqual(expected);
  });
});
