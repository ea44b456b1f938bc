import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../storage/index.ts';
import { latestVerification, recordVerification } from './record.ts';
import type { VerificationResult } from './verify.ts';

const folder = mkdtempSync(join(tmpdir(), 'slipway-lab-record-'));
const path = join(folder, 'slipway.db');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const result: VerificationResult = {
  labId: 'dockerfile-basics',
  passedAll: false,
  tasks: [
    { id: 'pin-base-image', passed: true, detail: 'Every base image names a version: python:3.12-slim.' },
    { id: 'build-image', passed: false, detail: 'There is no image heart-model:1.0 yet.' },
  ],
};

describe('lab verification storage', () => {
  it('appends and lists verifications', async () => {
    const storage = new SqliteStorage(path);
    await storage.migrate();
    await recordVerification(storage, 'learner-1', result, new Date('2026-12-04T20:00:00.000Z'));
    await recordVerification(storage, 'learner-1', { ...result, passedAll: true }, new Date('2026-12-04T20:05:00.000Z'));
    await recordVerification(storage, 'learner-2', result);

    const rows = await storage.listLabVerifications('learner-1', 'dockerfile-basics');
    expect(rows.map((row) => [row.passedAll, row.createdAt])).toEqual([
      [false, '2026-12-04T20:00:00.000Z'],
      [true, '2026-12-04T20:05:00.000Z'],
    ]);
    expect(JSON.parse(rows[0]?.tasksJson ?? '[]')).toEqual(result.tasks);
    expect(await storage.listLabVerifications('learner-1', 'image-versions')).toEqual([]);

    expect(await latestVerification(storage, 'learner-1', 'dockerfile-basics')).toEqual({ ...result, passedAll: true, createdAt: '2026-12-04T20:05:00.000Z' });
    expect(await latestVerification(storage, 'learner-1', 'image-versions')).toBeNull();
    await storage.close();
  });

  it.each([
    ['UPDATE', 'UPDATE lab_verifications SET passed_all = 1'],
    ['DELETE', 'DELETE FROM lab_verifications'],
  ])('rejects %s', (_name, sql) => {
    const db = new DatabaseSync(path);
    try {
      expect(() => db.exec(sql)).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
