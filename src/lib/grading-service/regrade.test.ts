import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCheckpoints, type Checkpoint, type SubmissionBody } from '../grading/index.ts';
import { SqliteStorage } from '../storage/index.ts';
import { formatRegradeReport, regradeCheckpoint } from './regrade.ts';
import { submitAnswer } from './submit.ts';
import { summarizeLearner } from './summary.ts';

let dir: string;
let dbPath: string;
let storage: SqliteStorage;
const checkpoint = loadCheckpoints().get('heart-rate') as Checkpoint;

/** The same checkpoint with a steeper decline: a second attempt keeps half its score instead of 80 %. */
const steeper: Checkpoint = { ...checkpoint, policy: { ...checkpoint.policy, decline: [1, 0.5] }, keyVersion: 'steeper-decline' };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-regrade-'));
  dbPath = join(dir, 'slipway.db');
  storage = new SqliteStorage(dbPath);
  await storage.migrate();

  // Learner A: wrong, then right (attempt 2). Learner B: right at once. Learner C: an invalid answer.
  const start = Date.parse('2026-01-01T00:00:00Z');
  const sessions: Array<[string, string[]]> = [
    ['learner-a', ['serverless', 'edge']],
    ['learner-b', ['edge']],
    ['learner-c', ['no-such-option']],
  ];
  for (const [learnerId, choices] of sessions) {
    for (const [index, choice] of choices.entries()) {
      const body: SubmissionBody = { learnerId, submissionId: `s${index}`, answer: { choice } };
      await submitAnswer(storage, checkpoint, body, () => new Date(start + index * 10_000));
    }
  }
});

afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('regradeCheckpoint', () => {
  it('same key changes nothing', async () => {
    const report = await regradeCheckpoint(storage, checkpoint, false);

    expect(report.changes).toHaveLength(4);
    expect(report.changes.filter((change) => change.changed)).toEqual([]);
    expect(report.changes.filter((change) => change.recorded)).toEqual([]);
  });

  it('new key, same grades says why', async () => {
    const reworded: Checkpoint = { ...checkpoint, keyVersion: 'reworded-hint' };
    const report = await regradeCheckpoint(storage, reworded, false);

    expect(formatRegradeReport(report)).toMatch(
      /\n0 changed \(0 score, 0 passed, 0 status\), 4 unchanged\n4 submissions were graded with an older key version\n4 regrade rows recorded, 0 of them with a changed grade\n$/,
    );
  });

  it('dry run reports and writes nothing', async () => {
    const report = await regradeCheckpoint(storage, steeper, true);

    const changed = report.changes.filter((change) => change.changed);
    expect(changed.map((change) => [change.learnerId, change.attempt, change.before.score, change.after.score])).toEqual([
      ['learner-a', 2, 0.8, 0.5],
    ]);
    expect((await storage.listAllAttempts(checkpoint.id)).every((row) => row.latestRegrade === null)).toBe(true);
    expect(formatRegradeReport(report)).toMatch(
      /\n1 changed \(1 score, 0 passed, 0 status\), 3 unchanged\n4 submissions were graded with an older key version\nDry run: 4 regrade rows would be recorded, 1 of them with a changed grade; nothing was written\n$/,
    );
  });

  it('records regrade rows, attempts unchanged', async () => {
    const report = await regradeCheckpoint(storage, steeper, false);
    const rows = await storage.listAllAttempts(checkpoint.id);
    const learnerA = rows.filter((row) => row.learnerId === 'learner-a');

    expect(report.changes.filter((change) => change.recorded)).toHaveLength(4);
    expect(report.changes.map((change) => change.stale)).toEqual(['key', 'key', 'key', 'key']);
    expect(formatRegradeReport(report)).toMatch(/\n4 submissions were graded with an older key version\n4 regrade rows recorded, 1 of them with a changed grade\n$/);
    expect(learnerA.map((row) => row.score)).toEqual([0, 0.8]);
    expect(learnerA.map((row) => row.latestRegrade?.score)).toEqual([0, 0.5]);
    expect(learnerA.map((row) => row.latestRegrade?.keyVersion)).toEqual(['steeper-decline', 'steeper-decline']);
    expect(summarizeLearner('learner-a', steeper, learnerA).bestScore).toBe(0.5);
  });

  it('second run records nothing', async () => {
    await regradeCheckpoint(storage, steeper, false);
    const again = await regradeCheckpoint(storage, steeper, false);

    expect(again.changes.filter((change) => change.recorded)).toEqual([]);
    expect(formatRegradeReport(again)).toMatch(/0 changed .*4 unchanged\n0 regrade rows recorded/);
  });
});

describe('slipway regrade', () => {
  /** Run the CLI with the test database and return its exit code and output. */
  function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['bin/slipway.mjs', 'regrade', ...args], {
      env: { ...process.env, SLIPWAY_DB: dbPath, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it.each([
    [['heart-rate', '--dry-run'], 0, /^Regrading heart-rate with key [0-9a-f]{12} and grader-\d+: 4 stored submissions from 3 learners/],
    [['heart-rate'], 0, /0 changed \(0 score, 0 passed, 0 status\), 4 unchanged\n0 regrade rows recorded/],
    [['--help'], 0, /Usage: slipway regrade CHECKPOINT \[--dry-run\]/],
  ])('regrade %j exits %i', (args, status, output) => {
    const result = cli(args);

    expect(result.status).toBe(status);
    expect(result.stdout).toMatch(output);
  });

  it.each([
    [['no-such-checkpoint'], 1, /checkpoint "no-such-checkpoint" not found; known checkpoints: .*heart-rate/],
    [[], 2, /expected exactly one CHECKPOINT/],
    [['heart-rate', '--force'], 2, /unknown option --force/],
  ])('regrade %j fails with %i', (args, status, message) => {
    const result = cli(args);

    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
  });
});
