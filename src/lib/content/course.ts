import { parse } from 'yaml';
import { z } from 'zod';
import { safeParseContent } from './error-map.ts';
import { formatZodIssues } from './errors.ts';

/** One part of the course: a titled group of lessons. */
export const partSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a lowercase id such as "containers"'),
  title: z.string().min(1, 'Expected a non-empty title'),
});

/** The course outline in src/data/course.yaml. */
export const courseSchema = z
  .object({
    title: z.string().min(1, 'Expected a non-empty course title'),
    description: z.string().min(1, 'Expected a one-sentence course description'),
    parts: z.array(partSchema).min(1, 'Expected at least one part'),
  })
  .superRefine((course, ctx) => {
    const seen = new Set<string>();
    course.parts.forEach((part, index) => {
      if (seen.has(part.id)) {
        ctx.addIssue({ code: 'custom', path: ['parts', index, 'id'], message: `Duplicate part id "${part.id}"` });
      }
      seen.add(part.id);
    });
  });

export type Part = z.infer<typeof partSchema>;
export type Course = z.infer<typeof courseSchema>;

export const coursePath = 'src/data/course.yaml';

/** Parses and validates the course outline's YAML text. Invalid text throws an error naming the file and each bad field. */
export function parseCourse(text: string, file: string = coursePath): Course {
  const result = safeParseContent(courseSchema, parse(text));
  if (!result.success) {
    throw new Error(formatZodIssues(file, result.error.issues));
  }
  return result.data;
}
