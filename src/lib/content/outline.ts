import { getCollection, type CollectionEntry } from 'astro:content';
import { course } from './course-data.ts';
import { buildOutline, isPublished, type OutlinePart } from './navigation.ts';

/** Returns the lessons to publish: every lesson in development, non-drafts in production builds. */
export async function getPublishedLessons(): Promise<CollectionEntry<'lessons'>[]> {
  return getCollection('lessons', (entry) => isPublished(entry.data.draft, import.meta.env.DEV));
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
    checkpoint: entry.data.checkpoint,
  }));
  return buildOutline(course.parts, summaries);
}
