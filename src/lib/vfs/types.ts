/** Kind of a file-system entry. */
export type EntryKind = 'file' | 'directory';

export type DirEntry = { name: string; kind: EntryKind };

export type Stat = {
  kind: EntryKind;
  /** Size in bytes; 0 for directories. */
  size: number;
  /** Unix permission bits, such as 0o644. */
  mode: number;
};

/**
 * Error raised by a FileSystem, carrying a POSIX code so callers can print
 * the same text as the real tools (`ENOENT`, `EEXIST`, `ENOTDIR`, `EISDIR`, `ENOTEMPTY`).
 */
export class FsError extends Error {
  readonly code: string;
  readonly path: string;

  constructor(code: string, path: string, message: string) {
    super(`${code}: ${message}, '${path}'`);
    this.code = code;
    this.path = path;
  }
}

/**
 * File access used by the lab engine and the in-page shell. Paths are POSIX
 * and absolute. The interface is async so that IndexedDB-backed and Node-backed
 * implementations fit behind it.
 */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string, options?: { mode?: number }): Promise<void>;
  readdir(path: string): Promise<DirEntry[]>;
  /** Returns null when nothing exists at `path`. */
  stat(path: string): Promise<Stat | null>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
}
