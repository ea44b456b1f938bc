import { describe, expect, it } from 'vitest';
import { cleanPath, createIgnoreMatcher } from './dockerignore.ts';
import { parseImageReference } from './image-reference.ts';

describe('createIgnoreMatcher', () => {
  const rows: [patterns: string, path: string, ignored: boolean][] = [
    ['.git', '.git/HEAD', true],
    ['.git', 'src/.git', false],
    ['*.pyc', 'a.pyc', true],
    ['*.pyc', 'src/a.pyc', false],
    ['**/*.pyc', 'src/deep/a.pyc', true],
    ['**/*.pyc', 'a.pyc', true],
    ['data/', 'data/train.csv', true],
    ['/data', 'data/train.csv', true],
    ['./data', 'data/train.csv', true],
    ['data/*.csv', 'data/train.csv', true],
    ['data/*.csv', 'data/sub/train.csv', false],
    ['data/**', 'data/sub/train.csv', true],
    ['*.env\n!keep.env', 'keep.env', false],
    ['*.env\n!keep.env', 'prod.env', true],
    ['!keep.env\n*.env', 'keep.env', true],
    ['# comment\n\n  venv  ', 'venv/bin/python', true],
    ['model?.bin', 'model1.bin', true],
    ['model?.bin', 'model12.bin', false],
    ['[ab].txt', 'a.txt', true],
    ['[ab].txt', 'c.txt', false],
    ['*', 'anything/at/all', true],
    ['', 'app.py', false],
  ];
  it.each(rows)('%j %s', (patterns, path, ignored) => {
    expect(createIgnoreMatcher(patterns).isIgnored(path)).toBe(ignored);
  });

  it('cleanPath', () => {
    expect(cleanPath('./a//b/../c/')).toBe('a/c');
    expect(cleanPath('../../x')).toBe('x');
  });
});

describe('parseImageReference', () => {
  const rows: [text: string, expected: object | undefined][] = [
    ['python', { repository: 'python' }],
    ['python:3.12-slim', { repository: 'python', tag: '3.12-slim' }],
    ['ghcr.io/org/app:1.0', { repository: 'ghcr.io/org/app', tag: '1.0' }],
    ['localhost:5000/app', { repository: 'localhost:5000/app' }],
    ['localhost:5000/app:2', { repository: 'localhost:5000/app', tag: '2' }],
    ['a@sha256:' + 'a'.repeat(64), { repository: 'a', digest: 'sha256:' + 'a'.repeat(64) }],
    ['python:', undefined],
    ['Python', undefined],
    ['', undefined],
    [':tag', undefined],
    ['a@sha256:short', undefined],
    ['a//b', undefined],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });
});
