import { describe, expect, test } from 'vitest';
import { loadCheckpoints } from './load.ts';
import { publicQuestion } from './public.ts';
import { repositoryRoot } from './testing.ts';
import type { Checkpoint } from './types.ts';

const checkpoints = [...loadCheckpoints(repositoryRoot).values()];

/** Collect every string that must stay on the server: feedback, hints, solution, reason explanations. */
function secretStrings(checkpoint: Checkpoint): string[] {
  return [
    ...checkpoint.options.flatMap((option) => [...option.feedback.map((item) => item.message), ...(option.missed === undefined ? [] : [option.missed])]),
    ...checkpoint.reasons.flatMap((reason) => [reason.ticked, ...(reason.missed === undefined ? [] : [reason.missed])]),
    ...checkpoint.hints,
    checkpoint.solution,
  ];
}

describe('publicQuestion', () => {
  test.each(checkpoints.map((checkpoint) => [checkpoint.id, checkpoint] as const))('%s leaks no secret', (_id, checkpoint) => {
    const json = JSON.stringify(publicQuestion(checkpoint));
    const secrets = secretStrings(checkpoint);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(json).not.toContain(secret);
  });

  test.each(checkpoints.map((checkpoint) => [checkpoint.id, checkpoint] as const))('%s has no key fields', (_id, checkpoint) => {
    const question = publicQuestion(checkpoint) as Record<string, unknown>;
    for (const field of ['answer', 'solution', 'hints', 'feedback', 'keyVersion', 'constraints', 'file']) {
      expect(question).not.toHaveProperty(field);
    }
    for (const reason of question.reasons as object[]) expect(Object.keys(reason).sort()).toEqual(['id', 'label']);
    for (const option of question.options as object[]) expect(Object.keys(option).sort()).toEqual(['id', 'label']);
  });

  test('heart-rate question content', () => {
    const heartRate = checkpoints.find((checkpoint) => checkpoint.id === 'heart-rate');
    if (heartRate === undefined) throw new Error('heart-rate missing');
    const question = publicQuestion(heartRate);
    expect(question.options.map((option) => option.id)).toEqual(['container', 'serverless', 'managed-platform', 'model-as-a-service', 'edge']);
    expect(question.accepts).toEqual(['choice', 'text']);
    expect(question.reasons).toHaveLength(6);
    expect(question.reasonsWeight).toBe(0);
    expect(question.policy).toEqual({ maxAttempts: 3, decline: [1, 0.8, 0.6], hintsAfter: 1, hintCount: 2, revealSolution: 'after-pass-or-last-attempt', minSecondsBetween: 2 });
  });
});
