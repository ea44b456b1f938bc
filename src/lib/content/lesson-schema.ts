import { z } from 'zod';
import { describeFound, withSuggestion } from './error-map.ts';

/**
 * Builds the error callback for a field: "Required field missing" when it is
 * absent, else "Expected <what>", with a suggestion when the value is close to
 * one of `suggestFrom`.
 */
function expected(what: string, suggestFrom: readonly string[] = []) {
  return {
    error: (issue: { input?: unknown }) => {
      if (issue.input === undefined) return `Required field missing; expected ${what}`;
      const message = `Expected ${what}, found ${describeFound(issue.input) ?? 'another value'}`;
      return withSuggestion(message, issue.input, suggestFrom);
    },
  };
}

/**
 * Builds the zod schema of a lesson's frontmatter. `partIds` are the part ids
 * of src/data/course.yaml, so an unknown part fails with the valid ids listed.
 */
export function createLessonSchema(partIds: readonly [string, ...string[]]) {
  const partList = partIds.map((id) => `"${id}"`).join(', ');

  return z.strictObject(
    {
      title: z.string(expected('a string title')).trim().min(1, 'Expected a non-empty title'),
      description: z
        .string(expected('a one-sentence string description'))
        .trim()
        .min(1, 'Expected a non-empty one-sentence description'),
      part: z.enum(partIds, expected(`one of the part ids in src/data/course.yaml: ${partList}`, partIds)),
      order: z
        .number(expected('a positive whole number (the lesson position, unique across the course)'))
        .int('Expected a whole number')
        .positive('Expected a number of 1 or more'),
      duration: z
        .number(expected('a positive whole number of minutes'))
        .int('Expected a whole number of minutes')
        .positive('Expected at least 1 minute'),
      objectives: z
        .array(z.string(expected('a string')).trim().min(1, 'Expected a non-empty objective'), expected('a list of learning objectives'))
        .min(1, 'Expected at least one learning objective'),
      lab: z
        .string(expected('a lab id (a folder name under labs/)'))
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected a lowercase lab id such as "dockerfile-basics"')
        .optional(),
      checkpoint: z
        .string(expected('a checkpoint id (a file name under quizzes/ without .yaml)'))
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected a lowercase checkpoint id such as "heart-rate"')
        .optional(),
      draft: z.boolean(expected('true or false')).default(false),
    },
    // Unknown keys are left to the friendly error map, which suggests the closest field.
    { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'Expected frontmatter fields between --- lines') },
  );
}

export type LessonSchema = ReturnType<typeof createLessonSchema>;
export type LessonFrontmatter = z.infer<LessonSchema>;
