/** Storage key of the learner's completed lessons: `{"completed": ["<slug>", ...]}`. */
export const progressKey = 'slipway:progress';
/** Storage key of the last lesson opened: `{"slug": "...", "title": "..."}`. */
export const lastLessonKey = 'slipway:last-lesson';

export type LastLesson = { slug: string; title: string };

/** Reads a JSON value from localStorage, or undefined when absent, unreadable or blocked. */
export function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes a JSON value to localStorage; a blocked or full storage leaves the page working without it. */
export function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Progress then lasts for this page view only.
  }
}

/** Returns the set of completed lesson slugs, ignoring malformed stored data. */
export function readCompleted(): Set<string> {
  const stored = readJson(progressKey);
  if (typeof stored !== 'object' || stored === null || !Array.isArray((stored as { completed?: unknown }).completed)) {
    return new Set();
  }
  const slugs = (stored as { completed: unknown[] }).completed.filter((slug): slug is string => typeof slug === 'string');
  return new Set(slugs);
}

/** Marks a lesson complete or not complete and stores the result. */
export function setCompleted(slug: string, complete: boolean): Set<string> {
  const completed = readCompleted();
  if (complete) completed.add(slug);
  else completed.delete(slug);
  writeJson(progressKey, { completed: [...completed].sort() });
  return completed;
}

/** Returns the last lesson opened, if one is stored and well formed. */
export function readLastLesson(): LastLesson | undefined {
  const stored = readJson(lastLessonKey) as Partial<LastLesson> | undefined;
  if (typeof stored?.slug !== 'string' || typeof stored.title !== 'string') return undefined;
  return { slug: stored.slug, title: stored.title };
}
