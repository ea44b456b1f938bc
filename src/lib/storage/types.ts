/** Origin of a submission: the checkpoint component, a direct API call or the CLI. */
export type Client = 'web' | 'api' | 'cli';

/** One feedback line as the grading engine returns it. */
export type StoredFeedback = { message: string; kind?: string; [key: string]: unknown };

/** An attempt to append: one graded (or rejected-as-invalid) submission. */
export type NewAttempt = {
  submissionId: string;
  learnerId: string;
  checkpointId: string;
  /** Attempt number among the learner's counted attempts; null when it did not count. */
  attempt: number | null;
  status: string;
  /** The answer exactly as submitted, as JSON text. */
  answerJson: string;
  /** SHA-256 (hex) of the canonical JSON of the request body, to tell a replay from a conflict. */
  payloadHash: string;
  keyVersion: string;
  graderVersion: string;
  score: number;
  rawScore: number;
  passed: boolean;
  feedbackJson: string;
  /** The whole grade result as JSON, so a replay returns what the first request returned. */
  resultJson: string;
  client: Client;
  /** Time of the submission (ISO 8601, UTC); the rate limit compares these. */
  createdAt: string;
};

/** A regrade of one stored attempt against a newer key or grader. */
export type NewRegrade = {
  attemptId: number;
  keyVersion: string;
  graderVersion: string;
  status: string;
  score: number;
  rawScore: number;
  passed: boolean;
  feedbackJson: string;
  createdAt: string;
};

export type StoredRegrade = NewRegrade & { id: number };

/** A stored attempt, with its most recent regrade when there is one. */
export type StoredAttempt = NewAttempt & { id: number; latestRegrade: StoredRegrade | null };

/**
 * Decision taken inside the attempt transaction: it receives every stored attempt
 * of the learner on the checkpoint (oldest first) and returns the attempt to
 * append, or null to store nothing. It must be synchronous, because the
 * SQLite backend runs it while holding the write lock. If it throws, only its
 * own attempt is rolled back and recordAttempt rejects with the error.
 */
export type AttemptDecision = (history: StoredAttempt[]) => NewAttempt | null;

/** A lab verification to append: the server's replay verdict for one submission. */
export type NewLabVerification = {
  learnerId: string;
  labId: string;
  passedAll: boolean;
  /** Per-task verdicts `[{ id, passed, detail }]` as JSON text. */
  tasksJson: string;
  /** Time of the verification (ISO 8601, UTC). */
  createdAt: string;
};

export type StoredLabVerification = NewLabVerification & { id: number };

/**
 * Durable store of attempts and regrades. Attempts are append-only: no method
 * updates or deletes one, and the schema rejects UPDATE and DELETE on them.
 */
export interface Storage {
  /** Name of the backend, for logs: `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';

  /** Apply every numbered migration not yet recorded in schema_migrations. */
  migrate(): Promise<void>;

  /**
   * Run `decide` and append its attempt in one transaction that excludes any
   * other recordAttempt for the same learner and checkpoint, so attempt
   * numbers stay distinct and gapless. Returns the stored row, or null when
   * `decide` returned null. The promise resolves only after the commit.
   */
  recordAttempt(learnerId: string, checkpointId: string, decide: AttemptDecision): Promise<StoredAttempt | null>;

  /** Find the attempt stored for one submission id, or null. */
  findSubmission(learnerId: string, checkpointId: string, submissionId: string): Promise<StoredAttempt | null>;

  /** List a learner's attempts on a checkpoint, oldest first. */
  listAttempts(learnerId: string, checkpointId: string): Promise<StoredAttempt[]>;

  /** List every learner's attempts on a checkpoint, oldest first (ordered by id). */
  listAllAttempts(checkpointId: string): Promise<StoredAttempt[]>;

  /** Append regrade rows in one transaction; returns them with their ids. */
  recordRegrades(regrades: NewRegrade[]): Promise<StoredRegrade[]>;

  /** Append one lab verification; rows are never updated or deleted. */
  recordLabVerification(verification: NewLabVerification): Promise<StoredLabVerification>;

  /** List a learner's verifications of a lab, oldest first. */
  listLabVerifications(learnerId: string, labId: string): Promise<StoredLabVerification[]>;

  /** Release the connection or pool. */
  close(): Promise<void>;
}
