import { normalizePath } from '../../vfs/path.ts';
import type { LayerEntry } from './layer.ts';

/** A path of the image being built, as the merged view of all layers shows it. */
export type ImageNode = {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  digest?: string;
  linkTarget?: string;
  synthetic?: boolean;
};

/** Return the parent of an absolute path (`/` for `/`). */
function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/**
 * Merged filesystem of an image during a build. Each step records its
 * changes; `takeLayer()` turns them into layer entries, with whiteouts for
 * paths that existed before the step and were removed.
 */
export class ImageFilesystem {
  #nodes: Map<string, ImageNode>;
  #changed = new Set<string>();
  #removed = new Set<string>();
  #before = new Set<string>();
  /** Node of each path touched in the current step as it was when the step began (undefined: absent). */
  #original = new Map<string, ImageNode | undefined>();

  constructor(nodes: Map<string, ImageNode> = new Map([['/', { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 }]])) {
    this.#nodes = nodes;
  }

  /** Copy the filesystem, with no pending changes (for a stage that starts from another). */
  clone(): ImageFilesystem {
    return new ImageFilesystem(new Map(this.#nodes));
  }

  /** Return the node at `path`, following no links. */
  get(path: string): ImageNode | undefined {
    return this.#nodes.get(normalizePath(path));
  }

  /** Tell whether something exists at `path`; a symlink counts when its target exists or is unknown. */
  exists(path: string): boolean {
    return this.#nodes.has(normalizePath(path));
  }

  /** Tell whether `path` is a directory. */
  isDirectory(path: string): boolean {
    return this.#nodes.get(normalizePath(path))?.type === 'dir';
  }

  /** List paths strictly below `path`. */
  descendants(path: string): string[] {
    const root = normalizePath(path);
    const prefix = root === '/' ? '/' : `${root}/`;
    return [...this.#nodes.keys()].filter((candidate) => candidate !== root && candidate.startsWith(prefix));
  }

  /** Create missing parent directories of `path` (owned by root). */
  ensureParents(path: string, owner = { uid: 0, gid: 0 }): void {
    const parent = parentOf(normalizePath(path));
    if (parent === '/' || this.#nodes.get(parent)?.type === 'dir') return;
    this.ensureParents(parent, owner);
    this.put(parent, { type: 'dir', mode: 0o755, uid: owner.uid, gid: owner.gid, size: 0 });
  }

  /** Create or replace a node; the change goes into the current layer. */
  put(path: string, node: ImageNode): void {
    const target = normalizePath(path);
    this.#markBefore(target);
    this.#nodes.set(target, node);
    this.#changed.add(target);
    this.#removed.delete(target);
  }

  /** Change owner or mode of an existing node. */
  update(path: string, patch: Partial<ImageNode>): void {
    const target = normalizePath(path);
    const node = this.#nodes.get(target);
    if (node === undefined) return;
    this.put(target, { ...node, ...patch });
  }

  /** Remove a node and everything below it. */
  remove(path: string): void {
    const target = normalizePath(path);
    for (const child of this.descendants(target)) {
      this.#markBefore(child);
      this.#nodes.delete(child);
      this.#changed.delete(child);
    }
    this.#markBefore(target);
    this.#nodes.delete(target);
    this.#changed.delete(target);
    this.#removed.add(target);
  }

  #markBefore(path: string): void {
    if (!this.#original.has(path)) this.#original.set(path, this.#nodes.get(path));
    if (!this.#changed.has(path) && !this.#removed.has(path) && this.#nodes.has(path)) this.#before.add(path);
  }

  /**
   * Undo the current step's changes at and below `path`, as if they had gone
   * to a mount (RUN --mount=type=cache or secret) instead of the layer.
   */
  discardUnder(path: string): void {
    const root = normalizePath(path);
    const prefix = root === '/' ? '/' : `${root}/`;
    for (const [candidate, node] of this.#original) {
      if (candidate !== root && !candidate.startsWith(prefix)) continue;
      if (node === undefined) this.#nodes.delete(candidate);
      else this.#nodes.set(candidate, node);
      this.#changed.delete(candidate);
      this.#removed.delete(candidate);
      this.#before.delete(candidate);
      this.#original.delete(candidate);
    }
    for (const candidate of [...this.#changed]) {
      if (candidate === root || candidate.startsWith(prefix)) {
        this.#nodes.delete(candidate);
        this.#changed.delete(candidate);
      }
    }
  }

  /** Tell whether the current step changed anything. */
  hasChanges(): boolean {
    return this.#changed.size > 0 || [...this.#removed].some((path) => this.#before.has(path));
  }

  /** Return the current step's changes as layer entries and start a new step. */
  takeLayer(): LayerEntry[] {
    const entries: LayerEntry[] = [];
    for (const path of this.#changed) {
      const node = this.#nodes.get(path);
      if (node === undefined) continue;
      entries.push({ path, type: node.type, mode: node.mode, uid: node.uid, gid: node.gid, size: node.type === 'file' ? node.size : 0, digest: node.digest, linkTarget: node.linkTarget, synthetic: node.synthetic });
    }
    for (const path of this.#removed) {
      // A whiteout is needed only for what a lower layer had; a parent's whiteout already hides its children.
      if (!this.#before.has(path) || this.#removed.has(parentOf(path)) && this.#before.has(parentOf(path))) continue;
      entries.push({ path, type: 'whiteout', mode: 0o644, uid: 0, gid: 0, size: 0 });
    }
    this.#changed = new Set();
    this.#removed = new Set();
    this.#before = new Set();
    this.#original = new Map();
    return entries.map((entry) => ({ ...Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) }) as LayerEntry);
  }

  /** Apply a stored layer on top (when a step comes from the cache). */
  applyLayer(entries: LayerEntry[]): void {
    for (const entry of entries) {
      if (entry.type === 'whiteout') {
        for (const child of this.descendants(entry.path)) this.#nodes.delete(child);
        this.#nodes.delete(entry.path);
        continue;
      }
      const { path, type, mode, uid, gid, size, digest, linkTarget, synthetic } = entry;
      this.#nodes.set(path, { type, mode, uid, gid, size, digest, linkTarget, synthetic });
    }
  }
}
