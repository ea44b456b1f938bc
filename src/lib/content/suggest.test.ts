import { describe, expect, test } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './suggest.ts';

describe('editDistance', () => {
  const rows: Array<[string, string, number]> = [
    ['', '', 0],
    ['title', 'title', 0],
    ['titel', 'title', 1],
    ['duraton', 'duration', 1],
    ['serverles', 'serverless', 1],
    ['deploymnet', 'deployment', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ];
  test.each(rows)('%j to %j', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const keys = ['title', 'summary', 'lesson', 'minutes', 'tasks'];
  const rows: Array<[string, readonly string[], string | undefined]> = [
    ['titel', keys, 'title'],
    ['Title', keys, 'title'],
    ['minutse', keys, 'minutes'],
    ['colour', keys, undefined],
    ['ab', ['cd'], undefined],
    ['freetext', ['single', 'multiple', 'scenario', 'free-text'], 'free-text'],
    ['base-pined', ['base-pinned', 'deps-before-source'], 'base-pinned'],
  ];
  test.each(rows)('%j', (value, candidates, expected) => {
    expect(closestMatch(value, candidates)).toBe(expected);
  });
});

describe('didYouMean', () => {
  test('suggests a close id', () => {
    expect(didYouMean('serverles', ['container', 'serverless'])).toBe(' Did you mean "serverless"?');
  });

  test('stays empty without a match', () => {
    expect(didYouMean('gpu', ['container', 'serverless'])).toBe('');
    expect(didYouMean(42, ['container'])).toBe('');
  });
});
