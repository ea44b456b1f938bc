// Public API of the grading engine. Everything but `load.ts` is pure and runs
// in browsers too; `loadCheckpoints` and `validateCheckpoints` read the disk.
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
