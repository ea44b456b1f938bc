import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from './dockerignore.ts';

describe('isIgnored', () => {
  const rows: Array<[string, string, boolean]> = [
    ['.git', '.git/config', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['**/*.md', 'docs/guide/README.md', true],
    ['**/__pycache__', 'app/__pycache__/main.cpython-312.pyc', true],
    ['data/', 'data/train.csv', true],
    ['/venv', 'venv/bin/python', true],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'NOTES.md', true],
    ['!README.md\n*.md', 'README.md', true],
    ['# comment\n\n.env', '.env', true],
    ['models/*.pt\n!models/small.pt', 'models/small.pt', false],
    ['models/*.pt', 'models/big.pt', true],
    ['test?.py', 'test1.py', true],
    ['test?.py', 'test10.py', false],
    ['**', 'anything/here.txt', true],
  ];
  it.each(rows)('%j on %s → %s', (patterns, path, expected) => {
    expect(isIgnored(parseDockerignore(patterns), path)).toBe(expected);
  });
});
