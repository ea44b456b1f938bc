import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FsError, type DirEntry, type FileSystem, type Stat } from './types.ts';
import { normalizePath } from './path.ts';

/** Convert a Node error into an FsError with the same code. */
function wrap(error: unknown, path: string): never {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  throw new FsError(code, path, (error as Error).message);
}

/** FileSystem over a real folder: virtual `/x` maps to `<root>/x` (Node only). */
export class NodeFileSystem implements FileSystem {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  #real(path: string): string {
    return join(this.root, normalizePath(path));
  }

  async readFile(path: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.#real(path)));
    } catch (error) {
      return wrap(error, normalizePath(path));
    }
  }

  async writeFile(path: string, data: Uint8Array | string, options?: { mode?: number }): Promise<void> {
    try {
      await writeFile(this.#real(path), data, options?.mode === undefined ? undefined : { mode: options.mode });
    } catch (error) {
      wrap(error, normalizePath(path));
    }
  }

  async readdir(path: string): Promise<DirEntry[]> {
    try {
      const entries = await readdir(this.#real(path), { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() || entry.isDirectory())
        .map((entry): DirEntry => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : 'file' }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      return wrap(error, normalizePath(path));
    }
  }

  async stat(path: string): Promise<Stat | null> {
    try {
      const info = await stat(this.#real(path));
      return { kind: info.isDirectory() ? 'directory' : 'file', size: info.isDirectory() ? 0 : info.size, mode: info.mode & 0o7777 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return wrap(error, normalizePath(path));
    }
  }

  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    try {
      await mkdir(this.#real(path), { recursive: options?.recursive === true });
    } catch (error) {
      wrap(error, normalizePath(path));
    }
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    try {
      await rm(this.#real(path), { recursive: options?.recursive === true, force: options?.force === true });
    } catch (error) {
      wrap(error, normalizePath(path));
    }
  }
}
