import { GRADER_VERSION, gradeAnswer, type Checkpoint, type GradeResult, type SubmissionBody } from '../grading/index.ts';
import type { NewAttempt, Storage, StoredAttempt } from '../storage/index.ts';
import { priorAttempts, secondsUntilNextSubmission } from './history.ts';
import { payloadHash } from './payload-hash.ts';
import { toSubmissionResponse, type SubmissionResponse } from './response.ts';

/** Outcome of one submission: stored, replayed, rejected as a conflict or rate limited. */
export type SubmitOutcome =
  | { kind: 'created'; response: SubmissionResponse }
  | { kind: 'replayed'; response: SubmissionResponse }
  | { kind: 'conflict' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/**
 * Grade a validated submission and store it in one storage transaction for
 * the learner and checkpoint. The replay check, the rate limit, the attempt
 * number and the insert therefore cannot interleave with another submission
 * of the same learner. Nothing is stored for a replay, a conflict or a
 * rate-limited request.
 */
export async function submitAnswer(
  storage: Storage,
  checkpoint: Checkpoint,
  body: SubmissionBody,
  clock: () => Date = () => new Date(),
): Promise<SubmitOutcome> {
  const hash = payloadHash(body);
  let outcome: SubmitOutcome | undefined;
  let graded: GradeResult | undefined;

  const stored = await storage.recordAttempt(body.learnerId, checkpoint.id, (history): NewAttempt | null => {
    const existing = history.find((row) => row.submissionId === body.submissionId);
    if (existing !== undefined) {
      outcome = replayOrConflict(existing, hash, checkpoint);
      return null;
    }

    const now = clock();
    const result = gradeAnswer(checkpoint, body.answer, priorAttempts(history));
    graded = result;
    if (result.status === 'graded') {
      const wait = secondsUntilNextSubmission(history, checkpoint.policy.minSecondsBetween, now);
      if (wait > 0) {
        outcome = { kind: 'rate-limited', retryAfterSeconds: wait };
        return null;
      }
    }

    return {
      submissionId: body.submissionId,
      learnerId: body.learnerId,
      checkpointId: checkpoint.id,
      attempt: result.countsAsAttempt ? result.attempt : null,
      status: result.status,
      answerJson: JSON.stringify(body.answer),
      payloadHash: hash,
      keyVersion: checkpoint.keyVersion,
      graderVersion: GRADER_VERSION,
      score: result.score,
      rawScore: result.rawScore,
      passed: result.passed,
      feedbackJson: JSON.stringify(result.feedback),
      resultJson: JSON.stringify(result),
      client: body.client ?? 'api',
      createdAt: now.toISOString(),
    };
  });

  if (stored !== null) return { kind: 'created', response: toSubmissionResponse(stored, checkpoint, graded) };
  if (outcome === undefined) throw new Error(`submitAnswer: no outcome for submission ${body.submissionId}`);
  return outcome;
}

/** Decide between a replay (same payload: return the stored result) and a conflict. */
function replayOrConflict(existing: StoredAttempt, hash: string, checkpoint: Checkpoint): SubmitOutcome {
  if (existing.payloadHash !== hash) return { kind: 'conflict' };
  return { kind: 'replayed', response: toSubmissionResponse(existing, checkpoint) };
}
