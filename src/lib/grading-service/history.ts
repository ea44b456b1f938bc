import type { FeedbackItem, GradeResult, PriorAttempt } from '../grading/index.ts';
import type { StoredAttempt } from '../storage/index.ts';

/** The grade in effect for a stored attempt: its latest regrade, else the original. */
export type EffectiveGrade = {
  status: PriorAttempt['status'];
  score: number;
  passed: boolean;
  feedback: FeedbackItem[];
};

/** Return the grade in effect for `row`, preferring its latest regrade. */
export function effectiveGrade(row: StoredAttempt): EffectiveGrade {
  const source = row.latestRegrade ?? row;
  return {
    status: source.status as PriorAttempt['status'],
    score: source.score,
    passed: source.passed,
    feedback: JSON.parse(source.feedbackJson) as FeedbackItem[],
  };
}

/** Return the grade result stored with `row` when it was first graded. */
export function storedResult(row: StoredAttempt): GradeResult {
  return JSON.parse(row.resultJson) as GradeResult;
}

/** Return the rows that counted as attempts, oldest first. */
export function countedAttempts(history: readonly StoredAttempt[]): StoredAttempt[] {
  return history.filter((row) => row.attempt !== null);
}

/**
 * Build the engine's `prior` list from a learner's stored history. Only counted
 * attempts go in: invalid and clarify answers cost nothing, and practice after
 * the checkpoint locked is stored with no attempt number.
 */
export function priorAttempts(history: readonly StoredAttempt[]): PriorAttempt[] {
  return countedAttempts(history).map((row) => {
    const grade = effectiveGrade(row);
    return { status: grade.status, score: grade.score, passed: grade.passed };
  });
}

/** Return the most recent row the engine graded (counted or practice), or undefined. */
export function lastGraded(history: readonly StoredAttempt[]): StoredAttempt | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const row = history[index];
    if (row !== undefined && row.status === 'graded') return row;
  }
  return undefined;
}

/**
 * Return the seconds the learner must still wait before the next graded
 * submission, rounded up, or 0. The interval runs from the last graded
 * submission; invalid and clarify answers neither wait nor restart it.
 */
export function secondsUntilNextSubmission(
  history: readonly StoredAttempt[],
  minSecondsBetween: number,
  now: Date,
): number {
  const last = lastGraded(history);
  if (last === undefined || minSecondsBetween <= 0) return 0;
  const remainingMs = Date.parse(last.createdAt) + minSecondsBetween * 1000 - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}
