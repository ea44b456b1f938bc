export { SubmissionError, verifyLab } from './verify.ts';
export type { TaskVerdict, VerificationResult } from './verify.ts';
export { fixedClock, replay, REPLAY_BUILTINS, REPLAY_TIME } from './replay.ts';
export { countBuilds, invalidPathReason, MAX_SUBMISSION_BUILDS, MAX_SUBMISSION_BYTES, MAX_SUBMISSION_COMMANDS, MAX_SUBMISSION_FILES, submissionSchema, submittableCommands } from './submission.ts';
export type { Submission } from './submission.ts';
