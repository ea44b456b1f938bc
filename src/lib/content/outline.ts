import { getCollection, type CollectionEntry } from 'astro:content';
import { course } from './course-data.ts';
import { readLabMinutes } from './lab-minutes.ts';
import { buildOutline, isPublished, type OutlinePart } from './navigation.ts';

// The manifests are bundled at build time, so on-demand pages (the 404 page)
// get the same minutes without reading the labs folder at run time.
const labMinutes = readLabMinutes(import.meta.glob<string>('/labs/*/lab.yaml', { query: '?raw', import: 'default', eager: true }));

/** Returns the lessons to publish: every lesson in development, non-drafts in production builds. */
export async function getPublishedLessons(): Promise<CollectionEntry<'lessons'>[]> {
  return getCollection('lessons', (entry) => isPublished(entry.data.draft, import.meta.env.DEV));
}

/** Returns the minutes of the lab a lesson names, failing the build when the lab does not exist. */
function findLabMinutes(slug: string, lab: string): number {
  const minutes = labMinutes.get(lab);
  if (minutes === undefined) {
    throw new Error(`src/content/lessons/${slug}.mdx: lab: Expected a lab id with labs/${lab}/lab.yaml; found "${lab}". Create the lab or fix the id.`);
  }
  return minutes;
}

/** Builds the course outline (parts with their published lessons) for pages. */
export async function getOutline(): Promise<OutlinePart[]> {
  const lessons = await getPublishedLessons();
  const summaries = lessons.map((entry) => ({
    slug: entry.id,
    title: entry.data.title,
    part: entry.data.part,
    order: entry.data.order,
    duration: entry.data.duration,
    lab: entry.data.lab,
    labMinutes: entry.data.lab === undefined ? undefined : findLabMinutes(entry.id, entry.data.lab),
    checkpoint: entry.data.checkpoint,
  }));
  return buildOutline(course.parts, summaries);
}
