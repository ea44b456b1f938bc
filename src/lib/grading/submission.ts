import { z } from 'zod';

/** Maximum length of a free-text answer, in UTF-16 code units. */
export const maxTextLength = 2000;

const idPattern = /^[A-Za-z0-9_-]+$/;

export const answerSchema = z.strictObject({
  choice: z.string().min(1).max(128).optional(),
  choices: z.array(z.string().min(1).max(128)).max(64).optional(),
  text: z.string().max(maxTextLength).optional(),
  reasons: z.array(z.string().min(1).max(128)).max(64).optional(),
});

const submissionShape = {
  learnerId: z.string().min(1).max(128).regex(idPattern, 'Expected letters, digits, "_" or "-"'),
  submissionId: z.string().min(1).max(128),
  answer: answerSchema,
  client: z.enum(['web', 'api', 'cli']).optional(),
};

/** Body of a POST to a checkpoint's submissions endpoint; unknown keys are rejected. */
export const submissionBodySchema = z.strictObject(submissionShape);

/** One line of a `slipway grade` JSONL file: a submission plus the checkpoint it answers. */
export const gradeLineSchema = z.strictObject({
  checkpointId: z.string().min(1).max(128),
  ...submissionShape,
});

export type SubmissionBody = z.infer<typeof submissionBodySchema>;
export type GradeLine = z.infer<typeof gradeLineSchema>;
