import pg from 'pg';
import { log } from '../log.ts';
import { migrations, migrationsTableSql } from './migrations.ts';
import { attemptColumns, attemptsWithLatestRegrade, toStoredAttempt, toStoredLabVerification } from './rows.ts';
import type { AttemptDecision, NewAttempt, NewLabVerification, NewRegrade, Storage, StoredAttempt, StoredLabVerification, StoredRegrade } from './types.ts';

/** Advisory lock key that serializes schema migrations across processes. */
const migrationLockKey = 7_346_001;

/**
 * Storage in PostgreSQL through a `pg` pool. recordAttempt takes a
 * transaction-scoped advisory lock on (learner, checkpoint), so concurrent
 * submissions of one learner are numbered one after another while other
 * learners proceed in parallel. The lock is released by COMMIT or ROLLBACK.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  #pool: pg.Pool;

  constructor(connectionString: string, poolSize = 10) {
    this.#pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client fails when the server restarts or ends the connection; the
    // pool drops it and connects again on the next query. Without a listener the
    // error would crash the process.
    // pg attaches the client (with its secret key) to the error, so log only
    // the message and the SQLSTATE code.
    this.#pool.on('error', (error: Error & { code?: string }) =>
      log.error({ code: error.code, reason: error.message }, 'idle PostgreSQL connection failed'),
    );
  }

  /** Run `work` on one client inside BEGIN … COMMIT, rolling back if it throws. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
      await client.query(migrationsTableSql);
      const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const versions = new Set(applied.rows.map((row) => Number(row.version)));
      for (const migration of migrations) {
        if (versions.has(migration.version)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async recordAttempt(learnerId: string, checkpointId: string, decide: AttemptDecision): Promise<StoredAttempt | null> {
    return this.#transaction(async (client) => {
      // Two int4 keys from hashtext: a collision only makes two learners wait
      // for each other, it never mixes their attempt numbers.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [learnerId, checkpointId]);
      const history = await selectAttempts(client, learnerId, checkpointId);
      const attempt = decide(history);
      if (attempt === null) return null;
      const id = await insertAttempt(client, attempt);
      return { ...attempt, id, latestRegrade: null };
    });
  }

  async findSubmission(learnerId: string, checkpointId: string, submissionId: string): Promise<StoredAttempt | null> {
    const result = await this.#pool.query(
      `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade}
       WHERE a.learner_id = $1 AND a.checkpoint_id = $2 AND a.submission_id = $3`,
      [learnerId, checkpointId, submissionId],
    );
    const row = result.rows[0];
    return row === undefined ? null : toStoredAttempt(row);
  }

  async listAttempts(learnerId: string, checkpointId: string): Promise<StoredAttempt[]> {
    return selectAttempts(this.#pool, learnerId, checkpointId);
  }

  async listAllAttempts(checkpointId: string): Promise<StoredAttempt[]> {
    const result = await this.#pool.query(
      `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade} WHERE a.checkpoint_id = $1 ORDER BY a.id`,
      [checkpointId],
    );
    return result.rows.map((row) => toStoredAttempt(row));
  }

  async recordRegrades(regrades: NewRegrade[]): Promise<StoredRegrade[]> {
    return this.#transaction(async (client) => {
      const stored: StoredRegrade[] = [];
      for (const regrade of regrades) {
        const result = await client.query<{ id: string }>(
          `INSERT INTO regrades (attempt_id, key_version, grader_version, status, score, raw_score,
             passed, feedback, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            regrade.attemptId,
            regrade.keyVersion,
            regrade.graderVersion,
            regrade.status,
            regrade.score,
            regrade.rawScore,
            regrade.passed,
            regrade.feedbackJson,
            regrade.createdAt,
          ],
        );
        stored.push({ ...regrade, id: Number(result.rows[0]?.id) });
      }
      return stored;
    });
  }

  async recordLabVerification(verification: NewLabVerification): Promise<StoredLabVerification> {
    const result = await this.#pool.query<{ id: string }>(
      'INSERT INTO lab_verifications (learner_id, lab_id, passed_all, tasks, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [verification.learnerId, verification.labId, verification.passedAll, verification.tasksJson, verification.createdAt],
    );
    return { ...verification, id: Number(result.rows[0]?.id) };
  }

  async listLabVerifications(learnerId: string, labId: string): Promise<StoredLabVerification[]> {
    const result = await this.#pool.query('SELECT * FROM lab_verifications WHERE learner_id = $1 AND lab_id = $2 ORDER BY id', [learnerId, labId]);
    return result.rows.map((row) => toStoredLabVerification(row));
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** Select a learner's attempts on a checkpoint, oldest first. */
async function selectAttempts(
  queryable: pg.Pool | pg.PoolClient,
  learnerId: string,
  checkpointId: string,
): Promise<StoredAttempt[]> {
  const result = await queryable.query(
    `SELECT ${attemptColumns} FROM ${attemptsWithLatestRegrade}
     WHERE a.learner_id = $1 AND a.checkpoint_id = $2 ORDER BY a.id`,
    [learnerId, checkpointId],
  );
  return result.rows.map((row) => toStoredAttempt(row));
}

/** Insert one attempt and return its id. */
async function insertAttempt(client: pg.PoolClient, attempt: NewAttempt): Promise<number> {
  const result = await client.query<{ id: string }>(
    `INSERT INTO attempts (submission_id, learner_id, checkpoint_id, attempt, status, answer,
       payload_hash, key_version, grader_version, score, raw_score, passed, feedback, result,
       client, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING id`,
    [
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
      attempt.passed,
      attempt.feedbackJson,
      attempt.resultJson,
      attempt.client,
      attempt.createdAt,
    ],
  );
  return Number(result.rows[0]?.id);
}
