/**
 * Numbered schema migrations, one SQL script per backend. Both scripts of a
 * migration create the same tables, columns and constraints. Only the types
 * differ, because SQLite stores booleans as 0/1 and times as ISO 8601 text.
 * A released migration never changes: add a new one instead.
 */
export type Migration = {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
};

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'attempts and regrades',
    sqlite: `
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        submission_id TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL,
        attempt INTEGER,
        status TEXT NOT NULL,
        answer TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        key_version TEXT NOT NULL,
        grader_version TEXT NOT NULL,
        score REAL NOT NULL,
        raw_score REAL NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        feedback TEXT NOT NULL,
        result TEXT NOT NULL,
        client TEXT NOT NULL CHECK (client IN ('web', 'api', 'cli')),
        created_at TEXT NOT NULL,
        UNIQUE (learner_id, checkpoint_id, submission_id),
        UNIQUE (learner_id, checkpoint_id, attempt)
      );
      CREATE INDEX attempts_checkpoint ON attempts (checkpoint_id, id);
      CREATE INDEX attempts_learner ON attempts (learner_id, checkpoint_id, id);
      CREATE TRIGGER attempts_no_update BEFORE UPDATE ON attempts
        BEGIN SELECT RAISE(ABORT, 'attempts are append-only: record a regrade instead of updating'); END;
      CREATE TRIGGER attempts_no_delete BEFORE DELETE ON attempts
        BEGIN SELECT RAISE(ABORT, 'attempts are append-only: they cannot be deleted'); END;

      CREATE TABLE regrades (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        attempt_id INTEGER NOT NULL REFERENCES attempts (id),
        key_version TEXT NOT NULL,
        grader_version TEXT NOT NULL,
        status TEXT NOT NULL,
        score REAL NOT NULL,
        raw_score REAL NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        feedback TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX regrades_attempt ON regrades (attempt_id, id);
    `,
    postgres: `
      CREATE TABLE attempts (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        submission_id TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL,
        attempt INTEGER,
        status TEXT NOT NULL,
        answer TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        key_version TEXT NOT NULL,
        grader_version TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        raw_score DOUBLE PRECISION NOT NULL,
        passed BOOLEAN NOT NULL,
        feedback TEXT NOT NULL,
        result TEXT NOT NULL,
        client TEXT NOT NULL CHECK (client IN ('web', 'api', 'cli')),
        created_at TIMESTAMPTZ NOT NULL,
        UNIQUE (learner_id, checkpoint_id, submission_id),
        UNIQUE (learner_id, checkpoint_id, attempt)
      );
      CREATE INDEX attempts_checkpoint ON attempts (checkpoint_id, id);
      CREATE INDEX attempts_learner ON attempts (learner_id, checkpoint_id, id);
      CREATE FUNCTION attempts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'attempts are append-only: record a regrade instead of % on attempt %', TG_OP, OLD.id;
        END;
      $$;
      CREATE TRIGGER attempts_no_change BEFORE UPDATE OR DELETE ON attempts
        FOR EACH ROW EXECUTE FUNCTION attempts_append_only();

      CREATE TABLE regrades (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempt_id BIGINT NOT NULL REFERENCES attempts (id),
        key_version TEXT NOT NULL,
        grader_version TEXT NOT NULL,
        status TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        raw_score DOUBLE PRECISION NOT NULL,
        passed BOOLEAN NOT NULL,
        feedback TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX regrades_attempt ON regrades (attempt_id, id);
    `,
  },
  {
    version: 2,
    name: 'lab verifications',
    sqlite: `
      CREATE TABLE lab_verifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        learner_id TEXT NOT NULL,
        lab_id TEXT NOT NULL,
        passed_all INTEGER NOT NULL CHECK (passed_all IN (0, 1)),
        tasks TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX lab_verifications_learner ON lab_verifications (learner_id, lab_id, id);
      CREATE TRIGGER lab_verifications_no_update BEFORE UPDATE ON lab_verifications
        BEGIN SELECT RAISE(ABORT, 'lab verifications are append-only: record a new one instead of updating'); END;
      CREATE TRIGGER lab_verifications_no_delete BEFORE DELETE ON lab_verifications
        BEGIN SELECT RAISE(ABORT, 'lab verifications are append-only: they cannot be deleted'); END;
    `,
    postgres: `
      CREATE TABLE lab_verifications (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        learner_id TEXT NOT NULL,
        lab_id TEXT NOT NULL,
        passed_all BOOLEAN NOT NULL,
        tasks TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX lab_verifications_learner ON lab_verifications (learner_id, lab_id, id);
      CREATE FUNCTION lab_verifications_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'lab verifications are append-only: % is not allowed on row %', TG_OP, OLD.id;
        END;
      $$;
      CREATE TRIGGER lab_verifications_no_change BEFORE UPDATE OR DELETE ON lab_verifications
        FOR EACH ROW EXECUTE FUNCTION lab_verifications_append_only();
    `,
  },
];

/** SQL shared by both backends: the table that records applied migrations. */
export const migrationsTableSql = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;
