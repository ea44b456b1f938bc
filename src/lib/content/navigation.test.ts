import { describe, expect, it } from 'vitest';
import { buildOutline, findNeighbours, flattenOutline, formatDuration, formatLessonDuration, isPublished, lessonMinutes, sumMinutes } from './navigation.ts';

const parts = [
  { id: 'containers', title: 'Packaging a model with Docker' },
  { id: 'deployment', title: 'Choosing where to deploy' },
];
const lessons = [
  { slug: 'c', title: 'C', part: 'deployment', order: 3, duration: 10 },
  { slug: 'a', title: 'A', part: 'containers', order: 1, duration: 12 },
  { slug: 'b', title: 'B', part: 'containers', order: 2, duration: 20 },
];

describe('course outline', () => {
  it('groups lessons by part in order', () => {
    const outline = buildOutline(parts, lessons);

    expect(outline.map((part) => part.lessons.map((lesson) => lesson.slug))).toEqual([['a', 'b'], ['c']]);
    expect(outline.map((part) => part.duration)).toEqual([32, 10]);
  });

  it.each([
    { slug: 'a', previous: undefined, next: 'b' },
    { slug: 'b', previous: 'a', next: 'c' },
    { slug: 'c', previous: 'b', next: undefined },
    { slug: 'missing', previous: undefined, next: undefined },
  ])('neighbours of $slug', ({ slug, previous, next }) => {
    const neighbours = findNeighbours(flattenOutline(buildOutline(parts, lessons)), slug);

    expect(neighbours.previous?.slug).toBe(previous);
    expect(neighbours.next?.slug).toBe(next);
  });

  it.each([
    [5, '5 min'],
    [60, '1 h'],
    [65, '1 h 05 min'],
    [134, '2 h 14 min'],
  ])('formats %i minutes as %s', (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });

  it('adds lab minutes to part totals', () => {
    const withLab = lessons.map((lesson) => (lesson.slug === 'c' ? { ...lesson, lab: 'lab-c', labMinutes: 30 } : lesson));
    const outline = buildOutline(parts, withLab);

    expect(outline.map((part) => part.duration)).toEqual([32, 40]);
  });

  it.each([
    { duration: 12, labMinutes: undefined, minutes: 12, text: '12 min' },
    { duration: 18, labMinutes: 30, minutes: 48, text: '18 min + 30 min lab' },
    { duration: 50, labMinutes: 75, minutes: 125, text: '50 min + 1 h 15 min lab' },
  ])('lesson of $duration min with lab $labMinutes', ({ duration, labMinutes, minutes, text }) => {
    const lesson = labMinutes === undefined ? { duration } : { duration, labMinutes };

    expect(lessonMinutes(lesson)).toBe(minutes);
    expect(formatLessonDuration(lesson)).toBe(text);
  });

  it('sums minutes with and without labs', () => {
    expect(sumMinutes([])).toBe(0);
    expect(sumMinutes([{ duration: 18, labMinutes: 30 }, { duration: 12 }])).toBe(60);
  });
});

describe('isPublished', () => {
  it.each([
    { draft: false, development: false, expected: true },
    { draft: true, development: false, expected: false },
    { draft: true, development: true, expected: true },
    { draft: false, development: true, expected: true },
  ])('draft $draft in development $development is $expected', ({ draft, development, expected }) => {
    expect(isPublished(draft, development)).toBe(expected);
  });
});
