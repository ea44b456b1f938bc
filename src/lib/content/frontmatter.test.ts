import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.ts';

describe('parseFrontmatter', () => {
  const cases: { name: string; source: string; expected: ReturnType<typeof parseFrontmatter> }[] = [
    { name: 'simple fields', source: '---\ntitle: A\norder: 2\n---\n\nBody', expected: { ok: true, data: { title: 'A', order: 2 } } },
    { name: 'CRLF line endings', source: '---\r\ntitle: A\r\n---\r\nBody', expected: { ok: true, data: { title: 'A' } } },
    { name: 'closing line at the end of the file', source: '---\ntitle: A\n---', expected: { ok: true, data: { title: 'A' } } },
    {
      name: 'no frontmatter',
      source: '# Title\n',
      expected: { ok: false, error: 'Missing frontmatter: the file must start with a --- line, the YAML fields, and a closing --- line' },
    },
    {
      name: 'unterminated quote',
      source: '---\ntitle: A\norder: 1\ndescription: "open\n---\n',
      expected: { ok: false, error: 'Invalid YAML in the frontmatter at line 4: Missing closing "quote' },
    },
    {
      name: 'duplicate field',
      source: '---\ntitle: A\ntitle: B\n---\n',
      expected: { ok: false, error: 'Invalid YAML in the frontmatter at line 3: Map keys must be unique' },
    },
  ];

  it.each(cases)('$name', ({ source, expected }) => {
    expect(parseFrontmatter(source)).toEqual(expected);
  });
});
