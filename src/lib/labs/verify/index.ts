export { SubmissionError, verifyLab } from './verify.ts';
export type { TaskVerdict, VerificationResult } from './verify.ts';
export { replay, replayJournal, REPLAY_BUILTINS, REPLAY_TIME } from './replay.ts';
export { settableClock, type SettableClock } from './clock.ts';
export { appendEntry, commandTime, compactJournal, diffFiles, journalFromCommands } from './journal.ts';
export type { JournalEntry, JournalState } from './journal.ts';
export {
  countBuilds,
  invalidPathReason,
  MAX_JOURNAL_FILE_BYTES,
  MAX_SUBMISSION_BUILDS,
  MAX_SUBMISSION_BYTES,
  MAX_SUBMISSION_COMMANDS,
  MAX_SUBMISSION_FILES,
  submissionSchema,
} from './submission.ts';
export type { Submission } from './submission.ts';
