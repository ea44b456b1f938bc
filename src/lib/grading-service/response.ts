import type { Checkpoint, FeedbackItem, GradeResult } from '../grading/index.ts';
import type { StoredAttempt } from '../storage/index.ts';
import { storedResult } from './history.ts';

/** Body of a successful POST to a checkpoint's submissions endpoint. */
export type SubmissionResponse = {
  submissionId: string;
  checkpointId: string;
  /** This submission's attempt number, or null when it did not count (invalid, clarify, practice). */
  attempt: number | null;
  countsAsAttempt: boolean;
  /** Counted attempts so far, this one included. */
  attemptsUsed: number;
  maxAttempts: number | null;
  attemptsLeft: number | null;
  status: GradeResult['status'];
  score: number;
  rawScore: number;
  passed: boolean;
  bestScore: number;
  locked: boolean;
  feedback: FeedbackItem[];
  hints?: string[];
  solution?: string;
  interpretedAs?: string[];
  createdAt: string;
};

/**
 * Build the response for a stored attempt exactly as it was first graded.
 * `result` may be passed when the caller still has it, to skip parsing the
 * stored copy.
 */
export function toSubmissionResponse(
  row: StoredAttempt,
  checkpoint: Checkpoint,
  result: GradeResult = storedResult(row),
): SubmissionResponse {
  return {
    submissionId: row.submissionId,
    checkpointId: row.checkpointId,
    attempt: row.attempt,
    countsAsAttempt: result.countsAsAttempt,
    attemptsUsed: result.attempt,
    maxAttempts: checkpoint.policy.maxAttempts,
    attemptsLeft: result.attemptsLeft,
    status: result.status,
    score: result.score,
    rawScore: result.rawScore,
    passed: result.passed,
    bestScore: result.bestScore,
    locked: result.locked,
    feedback: result.feedback,
    ...(result.hints === undefined ? {} : { hints: result.hints }),
    ...(result.solution === undefined ? {} : { solution: result.solution }),
    ...(result.interpretedAs === undefined ? {} : { interpretedAs: result.interpretedAs }),
    createdAt: row.createdAt,
  };
}
