import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isLabRecord, type LabRecord } from './state.ts';

const DATABASE = 'slipway-labs';
const STORE = 'labs';

interface LabDatabase extends DBSchema {
  labs: { key: string; value: LabRecord };
}

/** Per-lab state kept in the browser's IndexedDB, one record per lab id. */
export class LabStore {
  #db: Promise<IDBPDatabase<LabDatabase>>;

  constructor(databaseName = DATABASE) {
    this.#db = openDB<LabDatabase>(databaseName, 1, {
      upgrade(db) {
        db.createObjectStore(STORE);
      },
    });
  }

  /** Load a lab's record; a missing or malformed record reads as null so the lab starts fresh. */
  async load(labId: string): Promise<LabRecord | null> {
    const db = await this.#db;
    const value: unknown = await db.get(STORE, labId);
    return isLabRecord(value) ? value : null;
  }

  /** Save a lab's record, replacing the previous one. */
  async save(record: LabRecord): Promise<void> {
    const db = await this.#db;
    await db.put(STORE, record, record.labId);
  }

  /** Delete a lab's record. */
  async delete(labId: string): Promise<void> {
    const db = await this.#db;
    await db.delete(STORE, labId);
  }
}
