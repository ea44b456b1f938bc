import type { FileSystemAPI } from '@webcontainer/api';
import { basename, dirname, FsError, normalizePath, type DirEntry, type FileSystem, type Stat } from '../../vfs/index.ts';

/**
 * The FileSystem interface over a WebContainer's file system, so the page can
 * run task checks and read the image store while files live in the container.
 * Paths are absolute here and relative to the container's working folder there.
 */
export class WebContainerFileSystem implements FileSystem {
  #fs: FileSystemAPI;

  constructor(fs: FileSystemAPI) {
    this.#fs = fs;
  }

  async readFile(path: string): Promise<Uint8Array> {
    try {
      return await this.#fs.readFile(normalizePath(path));
    } catch (error) {
      throw translate(error, path);
    }
  }

  async writeFile(path: string, data: Uint8Array | string): Promise<void> {
    const target = normalizePath(path);
    await this.#fs.mkdir(dirname(target), { recursive: true });
    await this.#fs.writeFile(target, data);
  }

  async readdir(path: string): Promise<DirEntry[]> {
    try {
      const entries = await this.#fs.readdir(normalizePath(path), { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : 'file' }));
    } catch (error) {
      throw translate(error, path);
    }
  }

  /** Stat through the parent listing, because the WebContainer API has no stat call; sizes come from reading the file. */
  async stat(path: string): Promise<Stat | null> {
    const target = normalizePath(path);
    if (target === '/') return { kind: 'directory', size: 0, mode: 0o755 };
    let entries: DirEntry[];
    try {
      entries = await this.readdir(dirname(target));
    } catch {
      return null;
    }
    const entry = entries.find((candidate) => candidate.name === basename(target));
    if (entry === undefined) return null;
    if (entry.kind === 'directory') return { kind: 'directory', size: 0, mode: 0o755 };
    const data = await this.#fs.readFile(target);
    return { kind: 'file', size: data.byteLength, mode: 0o644 };
  }

  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    if (options?.recursive === true) await this.#fs.mkdir(normalizePath(path), { recursive: true });
    else await this.#fs.mkdir(normalizePath(path));
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    await this.#fs.rm(normalizePath(path), { recursive: options?.recursive ?? false, force: options?.force ?? false });
  }
}

/** Map a WebContainer error to FsError; it reports Node-style messages such as `ENOENT: no such file…`. */
function translate(error: unknown, path: string): FsError {
  const message = error instanceof Error ? error.message : String(error);
  const code = /\b(E[A-Z]+)\b/.exec(message)?.[1] ?? 'EIO';
  return new FsError(code, normalizePath(path), message);
}
