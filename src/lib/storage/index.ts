export type * from './types.ts';
export { openStorage } from './open.ts';
export { SqliteStorage } from './sqlite.ts';
export { PostgresStorage } from './postgres.ts';
export { migrations } from './migrations.ts';
