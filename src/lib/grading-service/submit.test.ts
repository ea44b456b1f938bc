import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoints, type Checkpoint, type SubmissionBody } from '../grading/index.ts';
import { SqliteStorage } from '../storage/index.ts';
import { submitAnswer, type SubmitOutcome } from './submit.ts';
import { summarizeLearner } from './summary.ts';

let dir: string;
let storage: SqliteStorage;
let checkpoint: Checkpoint;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-submit-'));
  storage = new SqliteStorage(join(dir, 'slipway.db'));
  await storage.migrate();
  checkpoint = loadCheckpoints().get('heart-rate') as Checkpoint;
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A step of a learner's session: what they send, when (seconds from the start), and what should happen. */
type Step = { at: number; id: string; choice: string; expect: Partial<{ kind: string; attempt: number | null; passed: boolean }> };

/** Run `steps` for a new learner and return the outcomes. */
async function run(steps: Step[]): Promise<SubmitOutcome[]> {
  const learnerId = `learner-${crypto.randomUUID()}`;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const outcomes: SubmitOutcome[] = [];
  for (const step of steps) {
    const body: SubmissionBody = { learnerId, submissionId: step.id, answer: { choice: step.choice } };
    outcomes.push(await submitAnswer(storage, checkpoint, body, () => new Date(start + step.at * 1000)));
  }
  return outcomes;
}

/** Reduce an outcome to the fields the table compares. */
function summary(outcome: SubmitOutcome): Record<string, unknown> {
  if (outcome.kind === 'created' || outcome.kind === 'replayed') {
    return { kind: outcome.kind, attempt: outcome.response.attempt, passed: outcome.response.passed };
  }
  return { kind: outcome.kind };
}

describe('submitAnswer', () => {
  it.each<[string, Step[]]>([
    [
      'wrong then right',
      [
        { at: 0, id: 'a', choice: 'serverless', expect: { kind: 'created', attempt: 1, passed: false } },
        { at: 5, id: 'b', choice: 'edge', expect: { kind: 'created', attempt: 2, passed: true } },
      ],
    ],
    [
      'replay and conflict',
      [
        { at: 0, id: 'a', choice: 'serverless', expect: { kind: 'created', attempt: 1 } },
        { at: 9, id: 'a', choice: 'serverless', expect: { kind: 'replayed', attempt: 1 } },
        { at: 9, id: 'a', choice: 'edge', expect: { kind: 'conflict' } },
      ],
    ],
    [
      'rate limit from last graded answer',
      [
        { at: 0, id: 'a', choice: 'serverless', expect: { kind: 'created', attempt: 1 } },
        { at: 1, id: 'b', choice: 'edge', expect: { kind: 'rate-limited' } },
        { at: 1.5, id: 'c', choice: 'no-such-option', expect: { kind: 'created', attempt: null } },
        { at: 2, id: 'b', choice: 'edge', expect: { kind: 'created', attempt: 2, passed: true } },
      ],
    ],
    [
      'practice after last attempt',
      [
        { at: 0, id: 'a', choice: 'serverless', expect: { kind: 'created', attempt: 1 } },
        { at: 10, id: 'b', choice: 'container', expect: { kind: 'created', attempt: 2 } },
        { at: 20, id: 'c', choice: 'model-as-a-service', expect: { kind: 'created', attempt: 3 } },
        { at: 30, id: 'd', choice: 'edge', expect: { kind: 'created', attempt: null, passed: true } },
      ],
    ],
    [
      'practice after passing',
      [
        { at: 0, id: 'a', choice: 'edge', expect: { kind: 'created', attempt: 1, passed: true } },
        { at: 10, id: 'b', choice: 'serverless', expect: { kind: 'created', attempt: null, passed: false } },
      ],
    ],
  ])('%s', async (_case, steps) => {
    const outcomes = await run(steps);

    expect(outcomes.map((outcome) => summary(outcome))).toEqual(steps.map((step) => expect.objectContaining(step.expect)));
  });

  it('rate limit returns seconds left', async () => {
    const [, limited] = await run([
      { at: 0, id: 'a', choice: 'serverless', expect: {} },
      { at: 0.5, id: 'b', choice: 'edge', expect: {} },
    ]);

    expect(limited).toEqual({ kind: 'rate-limited', retryAfterSeconds: 2 });
  });

  it('stores nothing for rejected outcomes', async () => {
    const learnerId = `learner-${crypto.randomUUID()}`;
    const at = (seconds: number) => () => new Date(Date.parse('2026-01-01T00:00:00Z') + seconds * 1000);
    const first: SubmissionBody = { learnerId, submissionId: 'a', answer: { choice: 'serverless' } };
    await submitAnswer(storage, checkpoint, first, at(0));
    await submitAnswer(storage, checkpoint, { ...first, answer: { choice: 'edge' } }, at(0.5));
    await submitAnswer(storage, checkpoint, { ...first, submissionId: 'b' }, at(1));

    const stored = await storage.listAttempts(learnerId, checkpoint.id);
    expect(stored.map((row) => row.submissionId)).toEqual(['a']);
  });

  it('summary reflects best result', async () => {
    const learnerId = `learner-${crypto.randomUUID()}`;
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const [index, choice] of ['serverless', 'edge'].entries()) {
      const body: SubmissionBody = { learnerId, submissionId: `s${index}`, answer: { choice } };
      await submitAnswer(storage, checkpoint, body, () => new Date(start + index * 10_000));
    }
    const history = await storage.listAttempts(learnerId, checkpoint.id);
    const learner = summarizeLearner(learnerId, checkpoint, history, new Date(start + 11_000));

    expect(learner).toMatchObject({ attemptsUsed: 2, attemptsLeft: 1, passed: true, locked: true, retryAfterSeconds: 1 });
    expect(learner.bestScore).toBeCloseTo(0.8);
    expect(learner.solution).toBe(checkpoint.solution);
    expect(learner.last?.submissionId).toBe('s1');
  });
});
