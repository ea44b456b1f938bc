import { FsError, type DirEntry, type FileSystem, type Stat } from './types.ts';
import { basename, dirname, normalizePath } from './path.ts';

type FileNode = { kind: 'file'; data: Uint8Array; mode: number };
type DirNode = { kind: 'directory'; mode: number };
type Node = FileNode | DirNode;

const encoder = new TextEncoder();

/** In-memory FileSystem: the lab's virtual disk in a browser tab and in tests. */
export class MemoryFileSystem implements FileSystem {
  #nodes = new Map<string, Node>([['/', { kind: 'directory', mode: 0o755 }]]);

  /** Build a file system from `{ path: contents }`, creating parent folders. */
  static fromFiles(files: Record<string, string | Uint8Array>): MemoryFileSystem {
    const fs = new MemoryFileSystem();
    for (const [path, data] of Object.entries(files)) fs.writeFileSync(path, data);
    return fs;
  }

  /** Return every file as `{ path: bytes }`, sorted by path. */
  snapshot(): Record<string, Uint8Array> {
    const out: Record<string, Uint8Array> = {};
    for (const path of [...this.#nodes.keys()].sort()) {
      const node = this.#nodes.get(path);
      if (node?.kind === 'file') out[path] = node.data;
    }
    return out;
  }

  writeFileSync(path: string, data: Uint8Array | string, mode = 0o644): void {
    const target = normalizePath(path);
    this.#mkdirp(dirname(target));
    const existing = this.#nodes.get(target);
    if (existing?.kind === 'directory') throw new FsError('EISDIR', target, 'illegal operation on a directory');
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    this.#nodes.set(target, { kind: 'file', data: bytes, mode: existing?.mode ?? mode });
  }

  #mkdirp(path: string): void {
    const target = normalizePath(path);
    if (target === '/') return;
    const node = this.#nodes.get(target);
    if (node?.kind === 'file') throw new FsError('ENOTDIR', target, 'not a directory');
    if (node === undefined) {
      this.#mkdirp(dirname(target));
      this.#nodes.set(target, { kind: 'directory', mode: 0o755 });
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    const target = normalizePath(path);
    const node = this.#nodes.get(target);
    if (node === undefined) throw new FsError('ENOENT', target, 'no such file or directory');
    if (node.kind === 'directory') throw new FsError('EISDIR', target, 'illegal operation on a directory');
    return node.data;
  }

  async writeFile(path: string, data: Uint8Array | string, options?: { mode?: number }): Promise<void> {
    const target = normalizePath(path);
    const parent = this.#nodes.get(dirname(target));
    if (parent === undefined) throw new FsError('ENOENT', target, 'no such file or directory');
    if (parent.kind !== 'directory') throw new FsError('ENOTDIR', target, 'not a directory');
    this.writeFileSync(target, data, options?.mode);
  }

  async readdir(path: string): Promise<DirEntry[]> {
    const target = normalizePath(path);
    const node = this.#nodes.get(target);
    if (node === undefined) throw new FsError('ENOENT', target, 'no such file or directory');
    if (node.kind !== 'directory') throw new FsError('ENOTDIR', target, 'not a directory');
    const entries: DirEntry[] = [];
    for (const [candidate, child] of this.#nodes) {
      if (candidate !== '/' && dirname(candidate) === target) entries.push({ name: basename(candidate), kind: child.kind });
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async stat(path: string): Promise<Stat | null> {
    const node = this.#nodes.get(normalizePath(path));
    if (node === undefined) return null;
    return { kind: node.kind, size: node.kind === 'file' ? node.data.byteLength : 0, mode: node.mode };
  }

  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    const target = normalizePath(path);
    if (options?.recursive === true) {
      this.#mkdirp(target);
      return;
    }
    if (this.#nodes.has(target)) throw new FsError('EEXIST', target, 'file already exists');
    const parent = this.#nodes.get(dirname(target));
    if (parent === undefined) throw new FsError('ENOENT', target, 'no such file or directory');
    if (parent.kind !== 'directory') throw new FsError('ENOTDIR', target, 'not a directory');
    this.#nodes.set(target, { kind: 'directory', mode: 0o755 });
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    const target = normalizePath(path);
    const node = this.#nodes.get(target);
    if (node === undefined) {
      if (options?.force === true) return;
      throw new FsError('ENOENT', target, 'no such file or directory');
    }
    if (node.kind === 'directory') {
      const prefix = target === '/' ? '/' : `${target}/`;
      const children = [...this.#nodes.keys()].filter((candidate) => candidate.startsWith(prefix) && candidate !== target);
      if (children.length > 0 && options?.recursive !== true) throw new FsError('ENOTEMPTY', target, 'directory not empty');
      for (const child of children) this.#nodes.delete(child);
    }
    if (target !== '/') this.#nodes.delete(target);
  }
}
