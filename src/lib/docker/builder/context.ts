import type { FileSystem } from '../../vfs/index.ts';
import { normalizePath } from '../../vfs/path.ts';
import { sha256Digest } from '../digest.ts';
import { isIgnored, parseDockerignore } from './dockerignore.ts';

/** File of the build context, as the builder receives it. */
export type ContextFile = { path: string; digest: string; size: number; mode: number; data: Uint8Array };

/** Build context after `.dockerignore`: files keyed by path relative to the root (`app/main.py`). */
export type BuildContext = {
  files: Map<string, ContextFile>;
  /** Bytes of `.dockerignore` (0 when there is none), for the progress line. */
  dockerignoreSize: number;
  /** Total bytes sent, for `transferring context`. */
  size: number;
};

/** Walk the folder and return every file path below it, relative, sorted. */
async function walk(fs: FileSystem, root: string, skip: string | null): Promise<string[]> {
  const out: string[] = [];
  const visit = async (directory: string, prefix: string) => {
    for (const entry of await fs.readdir(directory)) {
      const full = directory === '/' ? `/${entry.name}` : `${directory}/${entry.name}`;
      if (full === skip) continue;
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.kind === 'directory') await visit(full, relative);
      else out.push(relative);
    }
  };
  await visit(root, '');
  return out.sort();
}

/**
 * Load the build context from `root`, honouring `.dockerignore`. The engine's
 * own state folder is never sent, even without an ignore rule for it.
 */
export async function loadBuildContext(fs: FileSystem, root: string, stateDir: string): Promise<BuildContext> {
  const base = normalizePath(root);
  const ignorePath = `${base === '/' ? '' : base}/.dockerignore`;
  const ignoreStat = await fs.stat(ignorePath);
  const ignoreText = ignoreStat?.kind === 'file' ? new TextDecoder().decode(await fs.readFile(ignorePath)) : '';
  const patterns = parseDockerignore(ignoreText);
  const files = new Map<string, ContextFile>();
  let size = 0;
  for (const path of await walk(fs, base, normalizePath(stateDir))) {
    if (isIgnored(patterns, path)) continue;
    const full = `${base === '/' ? '' : base}/${path}`;
    const data = await fs.readFile(full);
    const stat = await fs.stat(full);
    files.set(path, { path, digest: sha256Digest(data), size: data.length, mode: stat?.mode ?? 0o644, data });
    size += data.length;
  }
  return { files, dockerignoreSize: ignoreStat?.size ?? 0, size };
}
