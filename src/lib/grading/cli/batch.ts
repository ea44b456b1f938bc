import { formatIssuePath } from '../../content/errors.ts';
import { gradeAnswer } from '../grade.ts';
import { gradeLineSchema } from '../submission.ts';
import type { Checkpoint, GradeResult, PriorAttempt } from '../types.ts';
import { GRADER_VERSION } from '../version.ts';

/**
 * One output line of `slipway grade`: the submission's ids and its result,
 * with `attempt` and `attemptsUsed` as the grading API returns them.
 */
export type BatchResult = Omit<GradeResult, 'attempt'> & {
  /** This submission's attempt number, or null when it did not count (invalid, clarify, practice). */
  attempt: number | null;
  /** Counted attempts so far, this one included. */
  attemptsUsed: number;
  line: number;
  checkpointId: string;
  learnerId: string;
  submissionId: string;
  graderVersion: string;
  keyVersion: string;
};

/** Counts for the summary `slipway grade` prints to stderr. */
export type BatchSummary = {
  total: number;
  graded: number;
  passed: number;
  invalid: number;
  clarify: number;
  skipped: number;
  /** Per checkpoint: how often each option was chosen in graded submissions. */
  chosen: Map<string, Map<string, number>>;
};

export type LineOutcome = { result: BatchResult } | { error: string } | { blank: true };

/** Grades a JSONL stream of submissions in order, keeping attempt history per learner and checkpoint. */
export type BatchGrader = {
  gradeLine: (text: string, line: number) => LineOutcome;
  summary: BatchSummary;
};

/** Count the options a graded answer chose: its choice, its choices, or what its text named. */
function countChoices(summary: BatchSummary, checkpointId: string, ids: readonly string[]): void {
  let counts = summary.chosen.get(checkpointId);
  if (counts === undefined) {
    counts = new Map();
    summary.chosen.set(checkpointId, counts);
  }
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
}

/** Create a grader over loaded checkpoints; pure apart from its own state. */
export function createBatchGrader(checkpoints: ReadonlyMap<string, Checkpoint>): BatchGrader {
  const summary: BatchSummary = { total: 0, graded: 0, passed: 0, invalid: 0, clarify: 0, skipped: 0, chosen: new Map() };
  // Per learner and checkpoint: the counted attempts so far and the submission ids already graded.
  const histories = new Map<string, { prior: PriorAttempt[]; submissionIds: Set<string> }>();

  /** Reject a line, counting it as skipped. */
  const skip = (message: string): LineOutcome => {
    summary.skipped += 1;
    return { error: message };
  };

  const gradeLine = (text: string, line: number): LineOutcome => {
    if (text.trim() === '') return { blank: true };
    summary.total += 1;

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return skip(`line ${line}: invalid JSON: ${(error as Error).message}`);
    }

    const parsed = gradeLineSchema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
      return skip(`line ${line}: ${problems.join('; ')}`);
    }
    const submission = parsed.data;

    const checkpoint = checkpoints.get(submission.checkpointId);
    if (checkpoint === undefined) {
      return skip(`line ${line}: checkpointId: no checkpoint "${submission.checkpointId}" under quizzes/`);
    }

    // A learner's history on a checkpoint is the lines before this one, as the API stores it.
    const historyKey = `${submission.checkpointId}\u0000${submission.learnerId}`;
    let history = histories.get(historyKey);
    if (history === undefined) {
      history = { prior: [], submissionIds: new Set() };
      histories.set(historyKey, history);
    }
    if (history.submissionIds.has(submission.submissionId)) {
      return skip(`line ${line}: submissionId: "${submission.submissionId}" was already graded for this learner and checkpoint`);
    }
    history.submissionIds.add(submission.submissionId);

    const result = gradeAnswer(checkpoint, submission.answer, history.prior);
    if (result.status === 'graded') {
      summary.graded += 1;
      if (result.passed) summary.passed += 1;
      const answer = submission.answer;
      countChoices(summary, checkpoint.id, result.interpretedAs ?? answer.choices ?? (answer.choice === undefined ? [] : [answer.choice]));
    } else if (result.status === 'invalid') {
      summary.invalid += 1;
    } else {
      summary.clarify += 1;
    }
    if (result.countsAsAttempt) history.prior.push({ status: 'graded', score: result.score, passed: result.passed });

    return {
      result: {
        line,
        checkpointId: checkpoint.id,
        learnerId: submission.learnerId,
        submissionId: submission.submissionId,
        graderVersion: GRADER_VERSION,
        keyVersion: checkpoint.keyVersion,
        ...result,
        attempt: result.countsAsAttempt ? result.attempt : null,
        attemptsUsed: result.attempt,
      },
    };
  };

  return { gradeLine, summary };
}

/** Format the summary as lines: counts, pass rate and the options chosen per checkpoint. */
export function formatSummary(summary: BatchSummary): string {
  const percent = (part: number, whole: number): string => (whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`);
  const lines = [
    `total ${summary.total}, graded ${summary.graded}, invalid ${summary.invalid}, clarify ${summary.clarify}, skipped ${summary.skipped}`,
    `pass rate ${percent(summary.passed, summary.graded)} of graded (${summary.passed} passed)`,
  ];
  for (const [checkpointId, counts] of [...summary.chosen].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const parts = [...counts]
      .sort(([, a], [, b]) => b - a)
      .map(([id, count]) => `${id} ${count} (${percent(count, total)})`);
    lines.push(`chosen in ${checkpointId}: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}
