import type { Part } from './course.ts';

/** The fields of a lesson that navigation needs. */
export type LessonSummary = {
  slug: string;
  title: string;
  part: string;
  order: number;
  duration: number;
  /** The lab id from the frontmatter, if the lesson has a lab. */
  lab?: string;
  /** The lab's estimated minutes from its lab.yaml, added to `duration` in every total. */
  labMinutes?: number;
  /** The checkpoint id from the frontmatter, if the lesson ends in a graded checkpoint. */
  checkpoint?: string;
};

export type OutlinePart = Part & { lessons: LessonSummary[]; duration: number };

/** Groups lessons under their parts in course order; parts keep the outline's order, lessons sort by `order`. */
export function buildOutline(parts: readonly Part[], lessons: readonly LessonSummary[]): OutlinePart[] {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  return parts.map((part) => {
    const partLessons = sorted.filter((lesson) => lesson.part === part.id);
    const duration = sumMinutes(partLessons);
    return { ...part, lessons: partLessons, duration };
  });
}

/** Returns a lesson's minutes including its lab: `duration` counts the reading only. */
export function lessonMinutes(lesson: Pick<LessonSummary, 'duration' | 'labMinutes'>): number {
  return lesson.duration + (lesson.labMinutes ?? 0);
}

/** Adds up the minutes of lessons, labs included. */
export function sumMinutes(lessons: readonly Pick<LessonSummary, 'duration' | 'labMinutes'>[]): number {
  return lessons.reduce((sum, lesson) => sum + lessonMinutes(lesson), 0);
}

/** Formats a lesson's time as "18 min" or, with a lab, "18 min + 30 min lab". */
export function formatLessonDuration(lesson: Pick<LessonSummary, 'duration' | 'labMinutes'>): string {
  const reading = formatDuration(lesson.duration);
  return lesson.labMinutes === undefined ? reading : `${reading} + ${formatDuration(lesson.labMinutes)} lab`;
}

/** Lists the lessons in reading order: part by part, then by `order`. */
export function flattenOutline(outline: readonly OutlinePart[]): LessonSummary[] {
  return outline.flatMap((part) => part.lessons);
}

/** Finds the lessons before and after `slug` in reading order. */
export function findNeighbours(
  flat: readonly LessonSummary[],
  slug: string,
): { previous?: LessonSummary; next?: LessonSummary } {
  const index = flat.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) return {};
  return { previous: flat[index - 1], next: flat[index + 1] };
}

/** Formats a duration in minutes as "12 min" or "1 h 05 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

/** Tells whether a lesson is published: drafts show in development only. */
export function isPublished(draft: boolean, development: boolean): boolean {
  return development || !draft;
}
