import { GRADER_VERSION, gradeAnswer, type Answer, type Checkpoint, type PriorAttempt } from '../grading/index.ts';
import type { NewRegrade, Storage, StoredAttempt } from '../storage/index.ts';
import { effectiveGrade } from './history.ts';

/** One re-run attempt: the grade in effect before and the grade under the current key. */
export type RegradeChange = {
  attemptId: number;
  learnerId: string;
  attempt: number | null;
  before: { status: string; score: number; passed: boolean };
  after: { status: string; score: number; passed: boolean };
  /** True when status, score or passed differ. */
  changed: boolean;
  /** The versions behind the standing grade that differ from the current ones, or null when none does. */
  stale: 'key' | 'grader' | 'key and grader' | null;
  /** True when a regrade row is (or, in a dry run, would be) recorded. */
  recorded: boolean;
};

export type RegradeReport = {
  checkpointId: string;
  keyVersion: string;
  graderVersion: string;
  learners: number;
  changes: RegradeChange[];
  dryRun: boolean;
};

/**
 * Re-grade every stored attempt on `checkpoint` with the current key and
 * grader. Each learner's submissions are replayed in the order they were
 * stored, so attempt-dependent rules (decline, hints, locking) see the same
 * sequence. A regrade row is recorded for an attempt whose grade changed or
 * whose standing grade came from another key or grader version; attempts
 * themselves are never modified. With `dryRun` nothing is written.
 */
export async function regradeCheckpoint(storage: Storage, checkpoint: Checkpoint, dryRun: boolean): Promise<RegradeReport> {
  const rows = await storage.listAllAttempts(checkpoint.id);
  const byLearner = new Map<string, StoredAttempt[]>();
  for (const row of rows) {
    const list = byLearner.get(row.learnerId) ?? [];
    list.push(row);
    byLearner.set(row.learnerId, list);
  }

  const now = new Date().toISOString();
  const changes: RegradeChange[] = [];
  const regrades: NewRegrade[] = [];
  for (const learnerRows of byLearner.values()) {
    const prior: PriorAttempt[] = [];
    for (const row of learnerRows) {
      const result = gradeAnswer(checkpoint, JSON.parse(row.answerJson) as Answer, prior);

      // Only submissions that counted when they were made stay in the sequence:
      // the attempt numbers learners saw do not move.
      if (row.attempt !== null) prior.push({ status: result.status, score: result.score, passed: result.passed });

      const standing = effectiveGrade(row);
      const before = { status: standing.status, score: standing.score, passed: standing.passed };
      const after = { status: result.status, score: result.score, passed: result.passed };
      const changed = before.status !== after.status || before.score !== after.score || before.passed !== after.passed;
      const source = row.latestRegrade ?? row;
      const stale = staleVersion(source.keyVersion !== checkpoint.keyVersion, source.graderVersion !== GRADER_VERSION);
      const recorded = changed || stale !== null;

      changes.push({ attemptId: row.id, learnerId: row.learnerId, attempt: row.attempt, before, after, changed, stale, recorded });
      if (recorded) {
        regrades.push({
          attemptId: row.id,
          keyVersion: checkpoint.keyVersion,
          graderVersion: GRADER_VERSION,
          status: result.status,
          score: result.score,
          rawScore: result.rawScore,
          passed: result.passed,
          feedbackJson: JSON.stringify(result.feedback),
          createdAt: now,
        });
      }
    }
  }

  if (!dryRun && regrades.length > 0) await storage.recordRegrades(regrades);
  return {
    checkpointId: checkpoint.id,
    keyVersion: checkpoint.keyVersion,
    graderVersion: GRADER_VERSION,
    learners: byLearner.size,
    changes,
    dryRun,
  };
}

/** Name the versions that differ from the current key and grader, or null when none does. */
function staleVersion(keyDiffers: boolean, graderDiffers: boolean): RegradeChange['stale'] {
  if (keyDiffers && graderDiffers) return 'key and grader';
  if (keyDiffers) return 'key';
  return graderDiffers ? 'grader' : null;
}

/** Explain why unchanged grades still get regrade rows, e.g. `24 submissions were graded with an older key version`. */
function describeStale(changes: readonly RegradeChange[]): string | undefined {
  const stale = changes.filter((change) => change.stale !== null);
  if (stale.length === 0) return undefined;

  const versions = [...new Set(stale.map((change) => change.stale))];
  const which = versions.length === 1 ? `an older ${versions[0]} version` : 'an older key or grader version';
  const subject = stale.length === 1 ? '1 submission was' : `${stale.length} submissions were`;
  return `${subject} graded with ${which}`;
}

/** Format a score in [0, 1] with two decimals. */
function formatScore(score: number): string {
  return score.toFixed(2);
}

/** Describe what changed in one re-run attempt, e.g. `score 0.50 -> 1.00, passed no -> yes`. */
function describeChange(change: RegradeChange): string {
  const parts: string[] = [];
  const { before, after } = change;
  if (before.status !== after.status) parts.push(`status ${before.status} -> ${after.status}`);
  if (before.score !== after.score) parts.push(`score ${formatScore(before.score)} -> ${formatScore(after.score)}`);
  if (before.passed !== after.passed) parts.push(`passed ${before.passed ? 'yes' : 'no'} -> ${after.passed ? 'yes' : 'no'}`);
  return parts.join(', ');
}

/** Render a regrade report as the text the CLI prints. */
export function formatRegradeReport(report: RegradeReport): string {
  const lines = [
    `Regrading ${report.checkpointId} with key ${report.keyVersion.slice(0, 12)} and ${report.graderVersion}: ` +
      `${report.changes.length} stored submissions from ${report.learners} learners`,
  ];
  for (const change of report.changes) {
    if (!change.changed) continue;
    const attempt = change.attempt === null ? 'not counted' : `attempt ${change.attempt}`;
    lines.push(`  submission #${change.attemptId} (learner ${change.learnerId}, ${attempt}): ${describeChange(change)}`);
  }

  const changed = report.changes.filter((change) => change.changed);
  const count = (test: (change: RegradeChange) => boolean): number => changed.filter(test).length;
  const recorded = report.changes.filter((change) => change.recorded).length;
  lines.push(
    `${changed.length} changed (${count((c) => c.before.score !== c.after.score)} score, ` +
      `${count((c) => c.before.passed !== c.after.passed)} passed, ` +
      `${count((c) => c.before.status !== c.after.status)} status), ` +
      `${report.changes.length - changed.length} unchanged`,
  );
  // A row is recorded for a changed grade, and also for an unchanged one graded
  // under another version, so the stored standing names the current key.
  const stale = describeStale(report.changes);
  if (stale !== undefined) lines.push(stale);
  const rows = recorded === 1 ? '1 regrade row' : `${recorded} regrade rows`;
  const withChange = recorded === 0 ? '' : `, ${changed.length} of them with a changed grade`;
  lines.push(report.dryRun ? `Dry run: ${rows} would be recorded${withChange}; nothing was written` : `${rows} recorded${withChange}`);
  return `${lines.join('\n')}\n`;
}
