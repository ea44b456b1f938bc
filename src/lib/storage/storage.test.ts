import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations.ts';
import { PostgresStorage } from './postgres.ts';
import { SqliteStorage } from './sqlite.ts';
import type { NewAttempt, Storage } from './types.ts';

/** A backend under test: a fresh empty database, a way to run raw SQL on it, and cleanup. */
type Backend = {
  open(): Promise<Storage>;
  rawSql(sql: string): Promise<void>;
  dispose(): Promise<void>;
};

/** Create a SQLite backend in a new temporary folder. */
async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-storage-'));
  const path = join(dir, 'nested', 'slipway.db');
  return {
    open: async () => new SqliteStorage(path),
    rawSql: async (sql) => {
      const db = new DatabaseSync(path);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Create a PostgreSQL backend: a new database on the TEST_DATABASE_URL server, dropped afterwards. */
async function postgresBackend(adminUrl: string): Promise<Backend> {
  const name = `slipway_storage_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened: Storage[] = [];
  return {
    open: async () => {
      const storage = new PostgresStorage(url.toString());
      opened.push(storage);
      return storage;
    },
    rawSql: async (sql) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    dispose: async () => {
      await Promise.all(opened.map((storage) => storage.close().catch(() => undefined)));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl === undefined) {
  console.warn('storage suite: PostgreSQL half skipped because TEST_DATABASE_URL is not set (see scripts/pg-test-server.sh)');
}

const backends = [
  { name: 'sqlite', create: sqliteBackend, skip: false },
  { name: 'postgres', create: () => postgresBackend(postgresUrl ?? ''), skip: postgresUrl === undefined },
];

/** Build an attempt row for `learnerId` with sensible defaults. */
function attemptRow(overrides: Partial<NewAttempt> & { learnerId: string; submissionId: string }): NewAttempt {
  return {
    checkpointId: 'heart-rate',
    attempt: 1,
    status: 'graded',
    answerJson: '{"choice":"edge"}',
    payloadHash: 'a'.repeat(64),
    keyVersion: 'k1',
    graderVersion: 'g1',
    score: 1,
    rawScore: 1,
    passed: true,
    feedbackJson: '[{"message":"Right","kind":"correct"}]',
    resultJson: '{}',
    client: 'api',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Return the next counted attempt number given a learner's history. */
function nextNumber(history: ReadonlyArray<{ attempt: number | null }>): number {
  return history.filter((row) => row.attempt !== null).length + 1;
}

describe.each(backends)('storage on $name', ({ create, skip }) => {
  let backend: Backend;
  let storage: Storage;

  beforeAll(async () => {
    if (skip) return;
    backend = await create();
    storage = await backend.open();
    await storage.migrate();
  });

  afterAll(async () => {
    if (skip) return;
    await storage.close();
    await backend.dispose();
  });

  it.skipIf(skip)('migrate is idempotent', async () => {
    await storage.migrate();
    const second = await backend.open();
    await second.migrate();
    await second.close();

    const attempts = await storage.listAllAttempts('no-such-checkpoint');
    expect(attempts).toEqual([]);
    expect(migrations.map((migration) => migration.version)).toEqual([1, 2]);
  });

  it.skipIf(skip)('recordAttempt stores and finds a row', async () => {
    const row = attemptRow({ learnerId: 'learner-find', submissionId: 's1', score: 0.5, passed: false });
    const stored = await storage.recordAttempt('learner-find', 'heart-rate', () => row);

    expect(stored?.id).toBeGreaterThan(0);
    const found = await storage.findSubmission('learner-find', 'heart-rate', 's1');
    expect(found).toEqual({ ...row, id: stored?.id, latestRegrade: null });
    expect(await storage.findSubmission('learner-find', 'heart-rate', 's2')).toBeNull();
    expect(await storage.findSubmission('learner-find', 'other', 's1')).toBeNull();
  });

  it.skipIf(skip)('decide sees history oldest first', async () => {
    const seen: number[][] = [];
    for (const submissionId of ['a', 'b', 'c']) {
      await storage.recordAttempt('learner-history', 'heart-rate', (history) => {
        seen.push(history.map((row) => row.attempt ?? 0));
        return attemptRow({ learnerId: 'learner-history', submissionId, attempt: nextNumber(history) });
      });
    }

    expect(seen).toEqual([[], [1], [1, 2]]);
    const listed = await storage.listAttempts('learner-history', 'heart-rate');
    expect(listed.map((row) => row.submissionId)).toEqual(['a', 'b', 'c']);
  });

  it.skipIf(skip)('decide returning null stores nothing', async () => {
    const stored = await storage.recordAttempt('learner-null', 'heart-rate', () => null);

    expect(stored).toBeNull();
    expect(await storage.listAttempts('learner-null', 'heart-rate')).toEqual([]);
  });

  it.skipIf(skip)('decide throwing rolls back', async () => {
    const attempt = storage.recordAttempt('learner-throw', 'heart-rate', () => {
      throw new Error('grader failed');
    });

    await expect(attempt).rejects.toThrow('grader failed');
    expect(await storage.listAttempts('learner-throw', 'heart-rate')).toEqual([]);
  });

  it.skipIf(skip)('failing attempt spares concurrent ones', async () => {
    const results = await Promise.allSettled(
      ['ok-1', 'fails', 'ok-2'].map((submissionId) =>
        storage.recordAttempt('learner-batch', 'heart-rate', (history) => {
          if (submissionId === 'fails') throw new Error('grader failed');
          return attemptRow({ learnerId: 'learner-batch', submissionId, attempt: nextNumber(history) });
        }),
      ),
    );

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // PostgreSQL serves the three transactions in whichever order their locks
    // are granted, so only the set of numbers is fixed, not which id gets 1.
    const stored = await storage.listAttempts('learner-batch', 'heart-rate');
    expect(stored.map((row) => row.submissionId).sort()).toEqual(['ok-1', 'ok-2']);
    expect(stored.map((row) => row.attempt).sort()).toEqual([1, 2]);
  });

  it.skipIf(skip)('duplicate submission id is rejected', async () => {
    const row = attemptRow({ learnerId: 'learner-dup', submissionId: 'same', attempt: null });
    await storage.recordAttempt('learner-dup', 'heart-rate', () => row);

    await expect(storage.recordAttempt('learner-dup', 'heart-rate', () => row)).rejects.toThrow(/unique/i);
    expect(await storage.listAttempts('learner-dup', 'heart-rate')).toHaveLength(1);
  });

  it.skipIf(skip)('200 concurrent attempts get distinct numbers', async () => {
    const learners = ['learner-c1', 'learner-c2'];
    const requests = Array.from({ length: 200 }, (_, index) => {
      const learnerId = learners[index % 2] ?? 'learner-c1';
      return storage.recordAttempt(learnerId, 'concurrency', (history) =>
        attemptRow({
          learnerId,
          checkpointId: 'concurrency',
          submissionId: `sub-${index}`,
          attempt: nextNumber(history),
        }),
      );
    });
    await Promise.all(requests);

    const all = await storage.listAllAttempts('concurrency');
    expect(all).toHaveLength(200);
    for (const learnerId of learners) {
      const numbers = all.filter((row) => row.learnerId === learnerId).map((row) => row.attempt);
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    }
  });

  it.skipIf(skip)('attempts reject UPDATE and DELETE', async () => {
    await storage.recordAttempt('learner-immutable', 'heart-rate', () =>
      attemptRow({ learnerId: 'learner-immutable', submissionId: 'x', score: 0.25 }),
    );

    await expect(backend.rawSql(`UPDATE attempts SET score = 1 WHERE learner_id = 'learner-immutable'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(backend.rawSql(`DELETE FROM attempts WHERE learner_id = 'learner-immutable'`)).rejects.toThrow(
      /append-only/,
    );
    const [row] = await storage.listAttempts('learner-immutable', 'heart-rate');
    expect(row?.score).toBe(0.25);
  });

  it.skipIf(skip)('regrades attach to attempts', async () => {
    const stored = await storage.recordAttempt('learner-regrade', 'regraded', () =>
      attemptRow({ learnerId: 'learner-regrade', checkpointId: 'regraded', submissionId: 'r1', score: 0, passed: false }),
    );
    const attemptId = stored?.id ?? 0;
    const regrade = {
      attemptId,
      keyVersion: 'k2',
      graderVersion: 'g1',
      status: 'graded',
      score: 1,
      rawScore: 1,
      passed: true,
      feedbackJson: '[]',
      createdAt: new Date().toISOString(),
    };
    const first = await storage.recordRegrades([regrade]);
    const second = await storage.recordRegrades([{ ...regrade, keyVersion: 'k3', score: 0.5 }]);

    expect(second[0]?.id).toBeGreaterThan(first[0]?.id ?? Infinity);
    const [row] = await storage.listAllAttempts('regraded');
    expect(row?.score).toBe(0);
    expect(row?.latestRegrade).toEqual({ ...regrade, id: second[0]?.id, keyVersion: 'k3', score: 0.5 });
  });

  it.skipIf(skip)('regrade of unknown attempt fails', async () => {
    const regrade = {
      attemptId: 987654321,
      keyVersion: 'k2',
      graderVersion: 'g1',
      status: 'graded',
      score: 1,
      rawScore: 1,
      passed: true,
      feedbackJson: '[]',
      createdAt: new Date().toISOString(),
    };

    await expect(storage.recordRegrades([regrade])).rejects.toThrow(/foreign key/i);
  });
});
