import { checkAnswerShape } from './shape.ts';
import { kinds } from './kinds/index.ts';
import type { MainGrade } from './kinds/types.ts';
import {
  attemptsLeft,
  declineMultiplier,
  roundScore,
  revealsSolution,
  summarizeHistory,
  unlockedHints,
  type History,
} from './policy.ts';
import { gradeReasons } from './reasons.ts';
import type { Answer, Checkpoint, FeedbackItem, GradeResult, PriorAttempt } from './types.ts';

/** Build the result for an answer that costs no attempt (invalid or clarify). */
function notCounted(checkpoint: Checkpoint, main: Exclude<MainGrade, { status: 'graded' }>, history: History): GradeResult {
  const left = attemptsLeft(checkpoint.policy, history.graded);
  const hints = unlockedHints(checkpoint, history.wrong);
  const showSolution = revealsSolution(checkpoint.policy, history.passed, left);
  return {
    status: main.status,
    countsAsAttempt: false,
    attempt: history.graded,
    score: 0,
    rawScore: 0,
    passed: false,
    bestScore: history.best,
    feedback: main.feedback,
    ...(hints === undefined ? {} : { hints }),
    ...(showSolution ? { solution: checkpoint.solution } : {}),
    attemptsLeft: left,
    locked: history.passed || left === 0,
    ...(main.interpretedAs === undefined ? {} : { interpretedAs: main.interpretedAs }),
  };
}

/**
 * Grade one answer against a checkpoint, given the learner's earlier results
 * on it (oldest first). Pure: the caller stores the result.
 *
 * Policy: an invalid or clarify result costs nothing. A graded attempt scores
 * rawScore × the decline multiplier for its number, and the best score is
 * kept. The checkpoint locks once passed or once maxAttempts graded attempts
 * are used; later answers are graded as practice (`countsAsAttempt: false`).
 */
export function gradeAnswer(checkpoint: Checkpoint, answer: Answer, prior: PriorAttempt[]): GradeResult {
  const history = summarizeHistory(prior);

  const misfit = checkAnswerShape(checkpoint, answer);
  if (misfit !== undefined) return notCounted(checkpoint, { status: 'invalid', feedback: [misfit] }, history);

  const main = kinds[checkpoint.kind].grade(checkpoint, answer);
  if (main.status !== 'graded') return notCounted(checkpoint, main, history);

  // Reasons add a share of the score only on top of a right main answer.
  const reasons = gradeReasons(checkpoint.reasons, answer.reasons ?? []);
  const weight = checkpoint.reasonsWeight;
  const rawScore = roundScore(main.score * (1 - weight + weight * reasons.score));
  const passed = main.score >= checkpoint.policy.passScore;

  const lockedBefore = history.passed || attemptsLeft(checkpoint.policy, history.graded) === 0;
  const countsAsAttempt = !lockedBefore;
  const attempt = countsAsAttempt ? history.graded + 1 : history.graded;
  const score = countsAsAttempt ? roundScore(rawScore * declineMultiplier(checkpoint.policy, attempt)) : rawScore;
  const bestScore = countsAsAttempt ? Math.max(history.best, score) : history.best;
  const left = attemptsLeft(checkpoint.policy, attempt);
  const everPassed = history.passed || (countsAsAttempt && passed);
  const wrong = history.wrong + (countsAsAttempt && !passed ? 1 : 0);
  const showSolution = revealsSolution(checkpoint.policy, everPassed, left);

  const feedback: FeedbackItem[] = [...main.feedback, ...(showSolution ? main.missed : []), ...reasons.feedback];
  if (lockedBefore) {
    feedback.push({ kind: 'info', message: 'This checkpoint is closed, so this answer was checked as practice and does not change your score.' });
  } else if (!passed && left === 0) {
    feedback.push({ kind: 'info', message: 'Not passed, and that was the last attempt.' });
  } else if (!passed) {
    const remaining = left === null ? '' : ` ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`;
    feedback.push({ kind: 'info', message: `Not yet passed: try again.${remaining}` });
  }

  const hints = passed ? undefined : unlockedHints(checkpoint, wrong);
  return {
    status: 'graded',
    countsAsAttempt,
    attempt,
    score,
    rawScore,
    passed,
    bestScore,
    feedback,
    ...(hints === undefined ? {} : { hints }),
    ...(showSolution ? { solution: checkpoint.solution } : {}),
    attemptsLeft: left,
    locked: everPassed || left === 0,
    ...(main.interpretedAs === undefined ? {} : { interpretedAs: main.interpretedAs }),
  };
}
