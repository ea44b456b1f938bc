import type { Answer, Checkpoint, GradeResult, PriorAttempt } from './types.ts';

/** Grade one answer against a checkpoint given the learner's earlier results. */
export function gradeAnswer(checkpoint: Checkpoint, answer: Answer, prior: PriorAttempt[]): GradeResult {
  // TODO: implementation lands in the next commit.
  void checkpoint;
  void answer;
  return {
    status: 'invalid',
    countsAsAttempt: false,
    attempt: prior.filter((p) => p.status === 'graded').length,
    score: 0,
    rawScore: 0,
    passed: false,
    bestScore: 0,
    feedback: [{ kind: 'invalid', message: 'Grading is not implemented yet.' }],
    attemptsLeft: null,
    locked: false,
  };
}
