import type { CopyInstruction } from '../ast.ts';
import { sha256Digest, seededFraction } from '../digest.ts';
import type { ImageFilesystem, ImageNode } from '../image/filesystem.ts';
import { normalizePath, resolvePath } from '../../vfs/path.ts';
import type { BuildContext } from './context.ts';
import { BuildFailure } from './errors.ts';

/** Source of a COPY: the build context, or the filesystem of an earlier stage or an image. */
export type CopySource =
  | { kind: 'context'; context: BuildContext }
  | { kind: 'filesystem'; fs: ImageFilesystem; readBlob: (digest: string) => Uint8Array | undefined };

/** One file COPY writes. */
export type CopiedFile = { target: string; node: ImageNode; data?: Uint8Array };

/** Return a BuildKit-style reference id (`kbqvj0m5f0bs6u0l1mrd3t3ex::xq8w…`) for checksum errors. */
function checksumRef(seed: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (salt: string, length: number) => {
    let out = '';
    for (let index = 0; index < length; index += 1) out += alphabet[Math.floor(seededFraction(`${seed}${salt}${index}`) * alphabet.length)];
    return out;
  };
  return `${pick('a', 25)}::${pick('b', 25)}`;
}

/** Match a glob source against candidate paths (`*.py`, `app/**`). */
function globMatcher(pattern: string): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Resolve COPY sources to files. Source paths are cleaned against the
 * context root, so `../x` cannot leave it and is looked up as `/x`,
 * which is why BuildKit reports `"/x": not found` for it.
 */
export function collectSources(instruction: CopyInstruction, sources: string[], source: CopySource, owner: { uid: number; gid: number } | null, chmod: number | null): Array<{ relative: string; files: CopiedFile[]; isDirectory: boolean }> {
  const out: Array<{ relative: string; files: CopiedFile[]; isDirectory: boolean }> = [];
  for (const raw of sources) {
    const cleaned = normalizePath(`/${raw}`);
    const matches: Array<{ root: string; isDirectory: boolean }> = [];
    if (source.kind === 'context') {
      const paths = [...source.context.files.keys()].map((path) => `/${path}`);
      if (/[*?]/.test(cleaned)) {
        const regex = globMatcher(cleaned);
        const tops = new Set<string>();
        for (const path of paths) {
          const segments = path.split('/');
          for (let depth = 2; depth <= segments.length; depth += 1) {
            const candidate = segments.slice(0, depth).join('/');
            if (regex.test(candidate)) tops.add(candidate);
          }
        }
        for (const top of [...tops].sort()) matches.push({ root: top, isDirectory: !source.context.files.has(top.slice(1)) });
      } else if (cleaned === '/' || paths.some((path) => path.startsWith(`${cleaned}/`))) {
        matches.push({ root: cleaned, isDirectory: true });
      } else if (source.context.files.has(cleaned.slice(1))) {
        matches.push({ root: cleaned, isDirectory: false });
      }
    } else if (source.fs.exists(cleaned)) {
      matches.push({ root: cleaned, isDirectory: source.fs.isDirectory(cleaned) });
    } else if (/[*?]/.test(cleaned)) {
      const regex = globMatcher(cleaned);
      for (const path of source.fs.descendants('/').filter((candidate) => regex.test(candidate)).sort()) matches.push({ root: path, isDirectory: source.fs.isDirectory(path) });
    }
    if (matches.length === 0) {
      const message = `failed to calculate checksum of ref ${checksumRef(`${instruction.original}${raw}`)}: "${cleaned}": not found`;
      throw new BuildFailure(`failed to compute cache key: ${message}`, { vertexMessage: message, range: instruction.range });
    }
    for (const match of matches) {
      const files: CopiedFile[] = [];
      const relativeOf = (path: string) => (match.isDirectory ? path.slice(match.root === '/' ? 1 : match.root.length + 1) : path.slice(path.lastIndexOf('/') + 1));
      if (source.kind === 'context') {
        for (const file of source.context.files.values()) {
          const path = `/${file.path}`;
          if (!(match.isDirectory ? match.root === '/' || path.startsWith(`${match.root}/`) : path === match.root)) continue;
          files.push({
            target: relativeOf(path),
            node: { type: 'file', mode: chmod ?? (file.mode & 0o111 ? 0o755 : 0o644), uid: owner?.uid ?? 0, gid: owner?.gid ?? 0, size: file.size, digest: file.digest },
            data: file.data,
          });
        }
      } else {
        const paths = match.isDirectory ? source.fs.descendants(match.root) : [match.root];
        for (const path of paths.sort()) {
          const node = source.fs.get(path);
          if (node === undefined) continue;
          const data = node.digest === undefined ? undefined : source.readBlob(node.digest);
          files.push({ target: relativeOf(path), node: { ...node, mode: chmod ?? node.mode, uid: owner?.uid ?? node.uid, gid: owner?.gid ?? node.gid }, data });
        }
      }
      out.push({ relative: match.root, files, isDirectory: match.isDirectory });
    }
  }
  return out;
}

/** Compute the content checksum BuildKit adds to a COPY's cache key: paths, modes and content digests, no times. */
export function contentChecksum(groups: Array<{ relative: string; files: CopiedFile[] }>): string {
  const lines: string[] = [];
  for (const group of groups) {
    for (const file of group.files) lines.push(`${group.relative}:${file.target}:${file.node.mode.toString(8)}:${file.node.digest ?? file.node.type}`);
  }
  return sha256Digest(lines.join('\n'));
}

/** Write the collected files into the stage filesystem at `destination` (already absolute). */
export function writeCopied(fs: ImageFilesystem, groups: Array<{ files: CopiedFile[]; isDirectory: boolean }>, destination: string, destinationIsDirectory: boolean, putBlob: (digest: string, data: Uint8Array) => void): void {
  const total = groups.reduce((sum, group) => sum + group.files.length, 0);
  const intoDirectory = destinationIsDirectory || total > 1 || groups.some((group) => group.isDirectory) || fs.isDirectory(destination);
  if (intoDirectory && !fs.exists(destination)) {
    fs.ensureParents(destination);
    fs.put(destination, { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
  }
  for (const group of groups) {
    for (const file of group.files) {
      const target = intoDirectory ? resolvePath(destination, file.target) : destination;
      fs.ensureParents(target);
      if (file.node.type === 'dir' && fs.isDirectory(target)) continue;
      fs.put(target, file.node);
      if (file.data !== undefined && file.node.digest !== undefined && file.data.length <= 1_000_000) putBlob(file.node.digest, file.data);
    }
  }
}
