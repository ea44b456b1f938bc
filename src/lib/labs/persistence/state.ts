import type { JournalState } from '../verify/journal.ts';

/**
 * Everything a lab page needs to resume exactly where the learner left it.
 * `files` covers the whole virtual disk: the learner's folder and the image
 * store the engine keeps under its state folder.
 */
export type LabSnapshot = {
  files: Record<string, Uint8Array>;
  openFile: string | null;
  /** Shell history, oldest first: the commands the checks and the server judge. */
  history: string[];
  taskStates: Record<string, boolean>;
  /** Command journal the server replays; absent in records saved before the journal existed. */
  journal?: JournalState;
};

/** The stored record of one lab: the current state and the state Reset or Solve replaced. */
export type LabRecord = {
  version: 1;
  labId: string;
  current: LabSnapshot;
  /** The snapshot before the last Reset or Solve, which Undo restores. */
  undo: { action: 'reset' | 'solve'; snapshot: LabSnapshot } | null;
  savedAt: number;
  /** The server's last verdict on this lab and when it arrived (milliseconds since the epoch); absent until the first submission. */
  verification?: StoredVerification;
};

/** A verdict of `POST /api/labs/{id}/verify` as the page keeps it. */
export type StoredVerification = {
  result: { labId: string; tasks: Array<{ id: string; passed: boolean; detail: string }>; passedAll: boolean };
  verifiedAt: number;
};

/** Check that a value read back from IndexedDB has the shape of a version-1 record. */
export function isLabRecord(value: unknown): value is LabRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<LabRecord>;
  return record.version === 1 && typeof record.labId === 'string' && isSnapshot(record.current);
}

function isSnapshot(value: unknown): value is LabSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<LabSnapshot>;
  return (
    typeof snapshot.files === 'object' &&
    snapshot.files !== null &&
    Array.isArray(snapshot.history) &&
    typeof snapshot.taskStates === 'object'
  );
}
