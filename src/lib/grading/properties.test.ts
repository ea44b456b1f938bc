import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matcherFor } from './choice.ts';
import { interpretText } from './freeText.ts';
import { gradeAnswer } from './grade.ts';
import { loadCheckpoints } from './load.ts';
import { repositoryRoot } from './testing.ts';
import type { Answer, PriorAttempt } from './types.ts';

const checkpoints = [...loadCheckpoints(repositoryRoot).values()];
const optionIds = [...new Set(checkpoints.flatMap((checkpoint) => checkpoint.options.map((option) => option.id)))];
const reasonIds = [...new Set(checkpoints.flatMap((checkpoint) => checkpoint.reasons.map((reason) => reason.id)))];

const idArbitrary = fc.oneof(fc.constantFrom(...optionIds), fc.string({ maxLength: 12 }));
const answerArbitrary: fc.Arbitrary<Answer> = fc.record(
  {
    choice: idArbitrary,
    choices: fc.array(idArbitrary, { maxLength: 8 }),
    text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('edge', 'not serverless, edge', 'lambda or edge', 'the digest')),
    reasons: fc.array(fc.oneof(fc.constantFrom(...reasonIds), fc.string({ maxLength: 8 })), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);
const priorArbitrary: fc.Arbitrary<PriorAttempt[]> = fc.array(
  fc.record({
    status: fc.constantFrom('graded' as const, 'invalid' as const, 'clarify' as const),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    passed: fc.boolean(),
  }),
  { maxLength: 6 },
);

describe('gradeAnswer properties', () => {
  test('result is well formed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...checkpoints), answerArbitrary, priorArbitrary, (checkpoint, answer, prior) => {
        const result = gradeAnswer(checkpoint, answer, prior);
        const bestPrior = Math.max(0, ...prior.filter((attempt) => attempt.status === 'graded').map((attempt) => attempt.score));

        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.bestScore).toBeGreaterThanOrEqual(bestPrior);
        expect(result.feedback.length).toBeGreaterThan(0);
        if (result.status !== 'graded') expect(result.countsAsAttempt).toBe(false);
        if (result.countsAsAttempt) expect(result.score).toBeLessThanOrEqual(result.rawScore);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('interpretText properties', () => {
  test('named options belong to the checkpoint', () => {
    fc.assert(
      fc.property(fc.constantFrom(...checkpoints), fc.string({ maxLength: 200 }), (checkpoint, text) => {
        const ids = checkpoint.options.map((option) => option.id);
        const reading = interpretText(text, matcherFor(checkpoint));
        for (const id of [...reading.named, ...reading.negated]) expect(ids).toContain(id);
        expect(new Set(reading.named).size).toBe(reading.named.length);
      }),
      { numRuns: 2000 },
    );
  });
});
