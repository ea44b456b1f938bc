import { join } from 'node:path';
import { contentRoot } from '../content/root.ts';
import { PostgresStorage } from './postgres.ts';
import { SqliteStorage, type SqliteSynchronous } from './sqlite.ts';
import type { Storage } from './types.ts';

/** Read SLIPWAY_DB_SYNCHRONOUS (FULL or NORMAL, default FULL); throws on anything else. */
function sqliteSynchronous(env: NodeJS.ProcessEnv): SqliteSynchronous {
  const value = (env.SLIPWAY_DB_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (value === 'FULL' || value === 'NORMAL') return value;
  throw new Error(`SLIPWAY_DB_SYNCHRONOUS: expected FULL or NORMAL, found "${env.SLIPWAY_DB_SYNCHRONOUS}"`);
}

/**
 * Open the configured storage and apply pending migrations: PostgreSQL when
 * DATABASE_URL is set, otherwise the SQLite file at SLIPWAY_DB (default
 * `data/slipway.db` under the content root; the folder is created).
 */
export async function openStorage(env: NodeJS.ProcessEnv = process.env): Promise<Storage> {
  const storage =
    env.DATABASE_URL !== undefined && env.DATABASE_URL !== ''
      ? new PostgresStorage(env.DATABASE_URL)
      : new SqliteStorage(env.SLIPWAY_DB ?? join(contentRoot(), 'data', 'slipway.db'), sqliteSynchronous(env));
  await storage.migrate();
  return storage;
}
