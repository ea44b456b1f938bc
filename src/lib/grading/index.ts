// Public API of the grading engine, for server code. `loadCheckpoints` and
// `validateCheckpoints` read the disk (node:fs), so browser code imports the
// pure modules it needs (grade.ts, public.ts, submission.ts) directly.
export { GRADER_VERSION } from './version.ts';
export type {
  Answer,
  AnswerField,
  Checkpoint,
  CheckpointKind,
  CheckpointOption,
  FeedbackItem,
  FeedbackKind,
  GradeResult,
  Policy,
  PriorAttempt,
  PublicQuestion,
  Reason,
} from './types.ts';
export { parseCheckpointFile } from './parse.ts';
export { loadCheckpoints, validateCheckpoints } from './load.ts';
export { publicQuestion } from './public.ts';
export { submissionBodySchema, gradeLineSchema, maxTextLength } from './submission.ts';
export type { SubmissionBody, GradeLine } from './submission.ts';
export { gradeAnswer } from './grade.ts';
