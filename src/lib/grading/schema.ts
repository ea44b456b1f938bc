import { z } from 'zod';
import { constraintIds } from '../catalog/constraints.ts';
import { partialCreditRules, revealSolutionModes } from './types.ts';

/*
 * The YAML format of quizzes/<id>.yaml. Fields shared by every kind:
 *
 *   id            the file name without .yaml
 *   kind          single | multiple | scenario | free-text
 *   title, prompt the question; `scenario` is optional context shown above it
 *   hints         shown one at a time once `policy.hintsAfter` wrong attempts are used
 *   solution      shown per `policy.revealSolution`
 *   reasons       reasons the learner may tick, each with feedback. A reason is
 *                 `relevant: true` (it should drive the answer) or a distractor.
 *                 In a scenario, `constraint: <id>` marks it relevant instead.
 *   reasonsWeight share of the score earned by reasons, 0 to 0.5 (default 0:
 *                 feedback only). score = main × ((1 − w) + w × reasonScore) and
 *                 reasonScore = max(0, (relevant ticked − distractors ticked) / relevant).
 *                 Passing depends on the main answer alone.
 *   policy        maxAttempts, decline, hintsAfter, revealSolution,
 *                 minSecondsBetween, passScore (defaults below)
 *
 * Option feedback explains the option the learner picked. For scenario and
 * free-text kinds that use catalog options, `feedback: { <optionId>: text }` is
 * APPENDED after the feedback derived from the catalog; write
 * `{ replace: text }` to REPLACE the derived lines for that option instead.
 */

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a lowercase id such as "edge" (letters, digits, "-")');
const text = z.string().trim().min(1, 'Expected non-empty text');
const phrase = z.string().trim().min(1, 'Expected a non-empty phrase');

export const policySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100).nullable().default(3),
  decline: z
    .array(z.number().min(0).max(1))
    .min(1)
    .default([1])
    .refine((values) => values.every((value, index) => index === 0 || value <= (values[index - 1] ?? 1)), {
      message: 'Expected multipliers that never increase, such as [1, 0.8, 0.6]',
    }),
  hintsAfter: z.number().int().min(0).max(100).default(1),
  revealSolution: z.enum(revealSolutionModes).default('after-pass-or-last-attempt'),
  minSecondsBetween: z.number().min(0).max(3600).default(2),
  passScore: z.number().gt(0).max(1).default(1),
});

export const reasonSchema = z.strictObject({
  id: slug,
  label: text,
  relevant: z.boolean().optional(),
  constraint: z.enum(constraintIds).optional(),
  ticked: text,
  missed: text.optional(),
});

/** An option written out in the quiz file (single, multiple, free-text). */
export const authoredOptionSchema = z.strictObject({
  id: slug,
  label: text,
  feedback: text,
  missed: text.optional(),
  synonyms: z.array(phrase).default([]),
});

/** Author feedback for a catalog option: appended text, or `{ replace }` for the derived lines. */
export const optionFeedbackSchema = z.union([text, z.strictObject({ replace: text })]);

export const constraintsSchema = z
  .strictObject({
    latencyBudgetMs: z.number().int().positive().optional(),
    offline: z.boolean().optional(),
    dataStaysOnDevice: z.boolean().optional(),
    noThirdParty: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((entry) => entry !== undefined && entry !== false), {
    message: 'Expected at least one constraint, such as latencyBudgetMs: 50',
  });

const commonShape = {
  id: slug,
  title: text,
  prompt: text,
  scenario: text.optional(),
  hints: z.array(text).default([]),
  solution: text,
  reasons: z.array(reasonSchema).default([]),
  reasonsWeight: z.number().min(0).max(0.5).default(0),
  policy: policySchema.default(policySchema.parse({})),
};

export const singleFileSchema = z.strictObject({
  ...commonShape,
  kind: z.literal('single'),
  options: z.array(authoredOptionSchema).min(2),
  answer: slug,
  accepts: z.array(z.enum(['choice', 'text'])).min(1).default(['choice']),
});

export const multipleFileSchema = z.strictObject({
  ...commonShape,
  kind: z.literal('multiple'),
  options: z.array(authoredOptionSchema).min(2),
  answer: z.array(slug).min(1),
  partialCredit: z.enum(partialCreditRules),
});

export const scenarioFileSchema = z.strictObject({
  ...commonShape,
  kind: z.literal('scenario'),
  scenario: text,
  constraints: constraintsSchema,
  options: z.array(slug).min(2),
  answer: slug,
  accepts: z.array(z.enum(['choice', 'text'])).min(1).default(['choice']),
  feedback: z.record(slug, optionFeedbackSchema).default({}),
  synonyms: z.record(slug, z.array(phrase)).default({}),
});

export const freeTextFileSchema = z.strictObject({
  ...commonShape,
  kind: z.literal('free-text'),
  options: z.array(z.union([slug, authoredOptionSchema])).min(2),
  answer: slug,
  feedback: z.record(slug, text).default({}),
  synonyms: z.record(slug, z.array(phrase)).default({}),
});

export type PolicyInput = z.infer<typeof policySchema>;
export type ReasonInput = z.infer<typeof reasonSchema>;
export type AuthoredOption = z.infer<typeof authoredOptionSchema>;
export type SingleFile = z.infer<typeof singleFileSchema>;
export type MultipleFile = z.infer<typeof multipleFileSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type FreeTextFile = z.infer<typeof freeTextFileSchema>;
