import type { Checkpoint, Policy, PriorAttempt } from './types.ts';

/** Summary of one learner's earlier results on one checkpoint. */
export type History = {
  graded: number;
  wrong: number;
  best: number;
  passed: boolean;
};

/** Summarise prior results; invalid and clarify results do not count. */
export function summarizeHistory(prior: readonly PriorAttempt[]): History {
  const history: History = { graded: 0, wrong: 0, best: 0, passed: false };
  for (const attempt of prior) {
    if (attempt.status !== 'graded') continue;
    history.graded += 1;
    if (attempt.passed) history.passed = true;
    else history.wrong += 1;
    if (attempt.score > history.best) history.best = attempt.score;
  }
  return history;
}

/** Return the score multiplier for a 1-based attempt; the last entry is the floor. */
export function declineMultiplier(policy: Policy, attempt: number): number {
  const index = Math.min(attempt - 1, policy.decline.length - 1);
  return policy.decline[Math.max(0, index)] ?? 1;
}

/** Return the hints unlocked after `wrong` wrong attempts: one more per wrong attempt past `hintsAfter`. */
export function unlockedHints(checkpoint: Checkpoint, wrong: number): string[] | undefined {
  const count = wrong - checkpoint.policy.hintsAfter + 1;
  if (checkpoint.hints.length === 0 || count <= 0) return undefined;
  return checkpoint.hints.slice(0, count);
}

/** Return the attempts left after `used` graded attempts, or null with no maximum. */
export function attemptsLeft(policy: Policy, used: number): number | null {
  return policy.maxAttempts === null ? null : Math.max(0, policy.maxAttempts - used);
}

/** Tell whether the solution may be shown, given a pass and the attempts left. */
export function revealsSolution(policy: Policy, passed: boolean, left: number | null): boolean {
  switch (policy.revealSolution) {
    case 'after-pass-or-last-attempt':
      return passed || left === 0;
    case 'after-pass':
      return passed;
    case 'never':
      return false;
  }
}

/** Round a score to 6 decimals so products like 0.8 × 0.9 compare cleanly. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
