import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_LINKS } from './docs.ts';

/** Returns the ids a lesson file defines with `id="..."`. */
function lessonIds(slug: string): Set<string> {
  const text = readFileSync(new URL(`../../../content/lessons/${slug}.mdx`, import.meta.url), 'utf8');
  return new Set([...text.matchAll(/id="([a-z0-9-]+)"/g)].map((match) => match[1] ?? ''));
}

describe('lesson links', () => {
  it.each(Object.entries(LESSON_LINKS))('%s anchor exists', (_key, link) => {
    const match = /^\/lessons\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(link);
    expect(match).not.toBeNull();
    expect(lessonIds(match?.[1] ?? '').has(match?.[2] ?? '')).toBe(true);
  });
});
