import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parse, stringify } from 'yaml';
import { openStorage, type Storage } from '../../src/lib/storage/index.ts';

/** Id of the fixture checkpoint with no attempt limit and no rate limit. */
export const unlimitedId = 'heart-rate-unlimited';

/**
 * Create a content root with the real catalog and heart-rate checkpoint plus
 * a copy of it without attempt or rate limits, for load and concurrency tests.
 */
export function createContentRoot(): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'slipway-api-root-'));
  mkdirSync(join(root, 'src', 'data'), { recursive: true });
  mkdirSync(join(root, 'quizzes'));
  copyFileSync('src/data/deployment-options.yaml', join(root, 'src', 'data', 'deployment-options.yaml'));
  copyFileSync('quizzes/heart-rate.yaml', join(root, 'quizzes', 'heart-rate.yaml'));

  const unlimited = parse(readFileSync('quizzes/heart-rate.yaml', 'utf8')) as Record<string, unknown>;
  unlimited.id = unlimitedId;
  unlimited.policy = { ...(unlimited.policy as object), maxAttempts: null, minSecondsBetween: 0 };
  writeFileSync(join(root, 'quizzes', `${unlimitedId}.yaml`), stringify(unlimited));
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A database the server under test writes to, and a way to inspect it from the test. */
export type ApiBackend = {
  name: string;
  /** Environment that points the server at this database. */
  env: Record<string, string>;
  open(): Promise<Storage>;
  dispose(): Promise<void>;
};

/** Create a SQLite backend: a file in a new temporary folder. */
export function sqliteApiBackend(): ApiBackend {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-api-db-'));
  const env = { SLIPWAY_DB: join(dir, 'slipway.db') };
  return {
    name: 'sqlite',
    env,
    open: () => openStorage(env),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Create a PostgreSQL backend: a new database on the TEST_DATABASE_URL server, dropped by dispose. */
export async function postgresApiBackend(adminUrl: string): Promise<ApiBackend> {
  const name = `slipway_api_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  return {
    name: 'postgres',
    env,
    open: () => openStorage(env),
    dispose: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** List the backends to run API suites on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backendNames(): Array<{ name: 'sqlite' | 'postgres'; skip: boolean }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined) {
    console.warn('grading API suite: PostgreSQL runs skipped because TEST_DATABASE_URL is not set (see scripts/pg-test-server.sh)');
  }
  return [
    { name: 'sqlite', skip: false },
    { name: 'postgres', skip: url === undefined },
  ];
}

/** Create the named backend. */
export async function createBackend(name: 'sqlite' | 'postgres'): Promise<ApiBackend> {
  return name === 'sqlite' ? sqliteApiBackend() : postgresApiBackend(process.env.TEST_DATABASE_URL ?? '');
}
