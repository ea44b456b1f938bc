import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { migrations, migrationsTableSql } from './migrations.ts';
import { attemptColumns, attemptsWithLatestRegrade, toStoredAttempt, toStoredLabVerification } from './rows.ts';
import type { AttemptDecision, NewAttempt, NewLabVerification, NewRegrade, Storage, StoredAttempt, StoredLabVerification, StoredRegrade } from './types.ts';

/** A recordAttempt call waiting for the next group commit. */
type PendingAttempt = {
  learnerId: string;
  checkpointId: string;
  decide: AttemptDecision;
  resolve: (value: StoredAttempt | null) => void;
  reject: (error: unknown) => void;
};

/** Value of PRAGMA synchronous: FULL fsyncs the write-ahead log at every commit, NORMAL only at checkpoints. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * Storage in one SQLite file through node:sqlite. The driver is synchronous,
 * so a transaction opened and committed within one call cannot interleave with
 * another request of this process: that is what serializes attempt numbering.
 * recordAttempt calls that arrive in the same event-loop turn share one
 * transaction and one fsync (group commit). BEGIN IMMEDIATE and a busy timeout
 * cover other processes on the same file (the `regrade` CLI while the server
 * runs).
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  readonly path: string;
  #db: DatabaseSync;
  #statements = new Map<string, StatementSync>();
  #pending: PendingAttempt[] = [];

  constructor(path: string, synchronous: SqliteSynchronous = 'FULL') {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);

    // WAL lets readers run beside the writer. With synchronous=FULL each commit
    // is fsynced before recordAttempt resolves, so an acknowledged attempt
    // survives a killed process and a power loss. NORMAL survives a killed
    // process too (the WAL is in the OS page cache) but may lose the last
    // commits on power loss or an OS crash.
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec(`PRAGMA synchronous = ${synchronous}`);
    this.#db.exec('PRAGMA busy_timeout = 5000');
    this.#db.exec('PRAGMA foreign_keys = ON');
  }

  /** Return a cached prepared statement for `sql`. */
  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Run `work` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws. */
  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  async migrate(): Promise<void> {
    this.#db.exec(migrationsTableSql);
    const applied = new Set(
      this.#db.prepare('SELECT version FROM schema_migrations').all().map((row) => Number(row.version)),
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      this.#transaction(() => {
        this.#db.exec(migration.sqlite);
        this.#db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      });
    }
  }

  async recordAttempt(learnerId: string, checkpointId: string, decide: AttemptDecision): Promise<StoredAttempt | null> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ learnerId, checkpointId, decide, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#commitPending());
    });
  }

  /**
   * Run every queued recordAttempt in one transaction (group commit), each in
   * its own savepoint so one failure rolls back only that attempt. Later
   * entries see the rows of earlier ones. The promises settle only after
   * COMMIT, so with synchronous=FULL one fsync covers the whole batch.
   */
  #commitPending(): void {
    const batch = this.#pending;
    this.#pending = [];
    const outcomes: Array<{ ok: true; value: StoredAttempt | null } | { ok: false; error: unknown }> = [];

    try {
      this.#transaction(() => {
        for (const entry of batch) {
          this.#db.exec('SAVEPOINT attempt');
          try {
            const history = this.#selectAttempts(entry.learnerId, entry.checkpointId);
            const attempt = entry.decide(history);
            const value = attempt === null ? null : { ...attempt, id: this.#insertAttempt(attempt), latestRegrade: null };
            this.#db.exec('RELEASE attempt');
            outcomes.push({ ok: true, value });
          } catch (error) {
            this.#db.exec('ROLLBACK TO attempt');
            this.#db.exec('RELEASE attempt');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // BEGIN or COMMIT failed: nothing of this batch is stored.
      for (const entry of batch) entry.reject(error);
      return;
    }

    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) entry.resolve(outcome.value);
      else entry.reject(outcome?.error);
    });
  }

  #selectAttempts(learnerId: string, checkpointId: string): StoredAttempt[] {
    const rows = this.#prepare(
      `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade}
       WHERE a.learner_id = ? AND a.checkpoint_id = ? ORDER BY a.id`,
    ).all(learnerId, checkpointId);
    return rows.map((row) => toStoredAttempt(row));
  }

  #insertAttempt(attempt: NewAttempt): number {
    const result = this.#prepare(
      `INSERT INTO attempts (submission_id, learner_id, checkpoint_id, attempt, status, answer,
         payload_hash, key_version, grader_version, score, raw_score, passed, feedback, result,
         client, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      attempt.submissionId,
      attempt.learnerId,
      attempt.checkpointId,
      attempt.attempt,
      attempt.status,
      attempt.answerJson,
      attempt.payloadHash,
      attempt.keyVersion,
      attempt.graderVersion,
      attempt.score,
      attempt.rawScore,
      attempt.passed ? 1 : 0,
      attempt.feedbackJson,
      attempt.resultJson,
      attempt.client,
      attempt.createdAt,
    );
    return Number(result.lastInsertRowid);
  }

  async findSubmission(learnerId: string, checkpointId: string, submissionId: string): Promise<StoredAttempt | null> {
    const row = this.#prepare(
      `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade}
       WHERE a.learner_id = ? AND a.checkpoint_id = ? AND a.submission_id = ?`,
    ).get(learnerId, checkpointId, submissionId);
    return row === undefined ? null : toStoredAttempt(row);
  }

  async listAttempts(learnerId: string, checkpointId: string): Promise<StoredAttempt[]> {
    return this.#selectAttempts(learnerId, checkpointId);
  }

  async listAllAttempts(checkpointId: string): Promise<StoredAttempt[]> {
    const rows = this.#prepare(
      `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade} WHERE a.checkpoint_id = ? ORDER BY a.id`,
    ).all(checkpointId);
    return rows.map((row) => toStoredAttempt(row));
  }

  async recordRegrades(regrades: NewRegrade[]): Promise<StoredRegrade[]> {
    const insert = this.#prepare(
      `INSERT INTO regrades (attempt_id, key_version, grader_version, status, score, raw_score,
         passed, feedback, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.#transaction(() =>
      regrades.map((regrade) => {
        const result = insert.run(
          regrade.attemptId,
          regrade.keyVersion,
          regrade.graderVersion,
          regrade.status,
          regrade.score,
          regrade.rawScore,
          regrade.passed ? 1 : 0,
          regrade.feedbackJson,
          regrade.createdAt,
        );
        return { ...regrade, id: Number(result.lastInsertRowid) };
      }),
    );
  }

  async recordLabVerification(verification: NewLabVerification): Promise<StoredLabVerification> {
    const result = this.#prepare(
      'INSERT INTO lab_verifications (learner_id, lab_id, passed_all, tasks, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(verification.learnerId, verification.labId, verification.passedAll ? 1 : 0, verification.tasksJson, verification.createdAt);
    return { ...verification, id: Number(result.lastInsertRowid) };
  }

  async listLabVerifications(learnerId: string, labId: string): Promise<StoredLabVerification[]> {
    const rows = this.#prepare('SELECT * FROM lab_verifications WHERE learner_id = ? AND lab_id = ? ORDER BY id').all(learnerId, labId);
    return rows.map((row) => toStoredLabVerification(row));
  }

  async close(): Promise<void> {
    if (this.#pending.length > 0) this.#commitPending();
    this.#statements.clear();
    this.#db.close();
  }
}
