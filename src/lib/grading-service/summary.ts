import type { Checkpoint, FeedbackItem } from '../grading/index.ts';
import type { StoredAttempt } from '../storage/index.ts';
import { countedAttempts, effectiveGrade, lastGraded, secondsUntilNextSubmission, storedResult } from './history.ts';

/** A learner's standing on one checkpoint, shown when they come back to it. */
export type LearnerSummary = {
  learnerId: string;
  attemptsUsed: number;
  maxAttempts: number | null;
  attemptsLeft: number | null;
  bestScore: number;
  passed: boolean;
  locked: boolean;
  /** Seconds before the next graded submission is accepted; 0 when it may be sent now. */
  retryAfterSeconds: number;
  /** The most recent graded submission, with the grade in effect now. */
  last: {
    submissionId: string;
    attempt: number | null;
    score: number;
    passed: boolean;
    feedback: FeedbackItem[];
    createdAt: string;
  } | null;
  /**
   * Hints and solution as the engine released them with the most recent graded
   * submission. NOTE: a regrade does not re-run this release, so after a regrade
   * that changes `passed` they can lag until the learner's next graded answer.
   */
  hints?: string[];
  solution?: string;
};

/** Summarize a learner's stored history on a checkpoint (regrades included). */
export function summarizeLearner(
  learnerId: string,
  checkpoint: Checkpoint,
  history: readonly StoredAttempt[],
  now: Date = new Date(),
): LearnerSummary {
  const grades = countedAttempts(history).map((row) => effectiveGrade(row));
  const attemptsUsed = grades.length;
  const { maxAttempts } = checkpoint.policy;
  const attemptsLeft = maxAttempts === null ? null : Math.max(0, maxAttempts - attemptsUsed);
  const passed = grades.some((grade) => grade.passed);
  const last = lastGraded(history);
  const released = last === undefined ? undefined : storedResult(last);

  return {
    learnerId,
    attemptsUsed,
    maxAttempts,
    attemptsLeft,
    bestScore: grades.reduce((best, grade) => Math.max(best, grade.score), 0),
    passed,
    locked: passed || attemptsLeft === 0,
    retryAfterSeconds: secondsUntilNextSubmission(history, checkpoint.policy.minSecondsBetween, now),
    last: last === undefined ? null : lastSummary(last),
    ...(released?.hints === undefined ? {} : { hints: released.hints }),
    ...(released?.solution === undefined ? {} : { solution: released.solution }),
  };
}

/** Describe one stored submission with the grade in effect now. */
function lastSummary(row: StoredAttempt): NonNullable<LearnerSummary['last']> {
  const grade = effectiveGrade(row);
  return {
    submissionId: row.submissionId,
    attempt: row.attempt,
    score: grade.score,
    passed: grade.passed,
    feedback: grade.feedback,
    createdAt: row.createdAt,
  };
}
