import type { StoredAttempt, StoredLabVerification, StoredRegrade } from './types.ts';

/** Columns selected for an attempt and its latest regrade (prefixed `r_`). */
export const attemptColumns = `
  a.id, a.submission_id, a.learner_id, a.checkpoint_id, a.attempt, a.status, a.answer,
  a.payload_hash, a.key_version, a.grader_version, a.score, a.raw_score, a.passed,
  a.feedback, a.result, a.client, a.created_at,
  r.id AS r_id, r.key_version AS r_key_version, r.grader_version AS r_grader_version,
  r.status AS r_status, r.score AS r_score, r.raw_score AS r_raw_score, r.passed AS r_passed,
  r.feedback AS r_feedback, r.created_at AS r_created_at`;

/** FROM clause joining each attempt to its most recent regrade, if any. */
export const attemptsWithLatestRegrade = `
  attempts a LEFT JOIN regrades r
    ON r.id = (SELECT max(id) FROM regrades WHERE attempt_id = a.id)`;

type Row = Record<string, unknown>;

/** Convert a driver value (SQLite 0/1, Postgres boolean) to a boolean. */
function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

/** Convert a driver time (SQLite ISO text, Postgres Date) to ISO 8601 text. */
function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Convert a regrade row, columns optionally prefixed, to a StoredRegrade. */
export function toStoredRegrade(row: Row, prefix: string, attemptId: unknown): StoredRegrade {
  return {
    id: Number(row[`${prefix}id`]),
    attemptId: Number(attemptId),
    keyVersion: String(row[`${prefix}key_version`]),
    graderVersion: String(row[`${prefix}grader_version`]),
    status: String(row[`${prefix}status`]),
    score: Number(row[`${prefix}score`]),
    rawScore: Number(row[`${prefix}raw_score`]),
    passed: toBoolean(row[`${prefix}passed`]),
    feedbackJson: String(row[`${prefix}feedback`]),
    createdAt: toIso(row[`${prefix}created_at`]),
  };
}

/** Convert a row selected with `attemptColumns` to a StoredAttempt. */
export function toStoredAttempt(row: Row): StoredAttempt {
  const hasRegrade = row.r_id !== null && row.r_id !== undefined;
  return {
    id: Number(row.id),
    submissionId: String(row.submission_id),
    learnerId: String(row.learner_id),
    checkpointId: String(row.checkpoint_id),
    attempt: row.attempt === null ? null : Number(row.attempt),
    status: String(row.status),
    answerJson: String(row.answer),
    payloadHash: String(row.payload_hash),
    keyVersion: String(row.key_version),
    graderVersion: String(row.grader_version),
    score: Number(row.score),
    rawScore: Number(row.raw_score),
    passed: toBoolean(row.passed),
    feedbackJson: String(row.feedback),
    resultJson: String(row.result),
    client: String(row.client) as StoredAttempt['client'],
    createdAt: toIso(row.created_at),
    latestRegrade: hasRegrade ? toStoredRegrade(row, 'r_', row.id) : null,
  };
}

/** Convert a lab_verifications row to a StoredLabVerification. */
export function toStoredLabVerification(row: Row): StoredLabVerification {
  return {
    id: Number(row.id),
    learnerId: String(row.learner_id),
    labId: String(row.lab_id),
    passedAll: toBoolean(row.passed_all),
    tasksJson: String(row.tasks),
    createdAt: toIso(row.created_at),
  };
}
