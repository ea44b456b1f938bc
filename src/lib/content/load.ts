import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coursePath, parseCourse, type Course } from './course.ts';
import { contentRoot } from './root.ts';

/** Reads and validates src/data/course.yaml (Node only). An invalid file throws an error naming the file and each bad field. */
export function loadCourse(root: string = contentRoot()): Course {
  return parseCourse(readFileSync(join(root, coursePath), 'utf8'));
}

/** Returns the part ids of the course outline, in order. */
export function loadPartIds(root: string = contentRoot()): [string, ...string[]] {
  const [first, ...rest] = loadCourse(root).parts.map((part) => part.id);
  if (first === undefined) throw new Error(`${coursePath}: parts: Expected at least one part`);
  return [first, ...rest];
}
