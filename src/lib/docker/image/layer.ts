import { gzipSync } from 'fflate';
import { sha256Digest } from '../digest.ts';
import { writeTar, type TarEntry } from './tar.ts';

/** One change a layer makes to the filesystem. */
export type LayerEntry = {
  /** Absolute path in the image (`/app/main.py`). */
  path: string;
  /** `whiteout` deletes the path (and what is below it) from the layers underneath. */
  type: 'file' | 'dir' | 'symlink' | 'whiteout';
  mode: number;
  uid: number;
  gid: number;
  /** Bytes the entry adds to the image. */
  size: number;
  /** Content digest of a file (`sha256:…`). */
  digest?: string;
  linkTarget?: string;
  /**
   * True when the content is a stand-in for files the simulation does not
   * produce (a pip package's payload): the size is the estimate, the content
   * digest names the package and version.
   */
  synthetic?: boolean;
};

/** Stored layer: its identity, size and (for layers the lab built) its entries. */
export type LayerRecord = {
  /** SHA-256 of the uncompressed layer tar. */
  diffId: string;
  /** Uncompressed bytes the layer adds, as `docker history` shows. */
  size: number;
  /** SHA-256 of the gzip-compressed layer blob, as a registry manifest names it. */
  compressedDigest: string;
  compressedSize: number;
  /** Changes of a layer built in the lab; null for catalog base layers, whose files come from the catalog. */
  entries: LayerEntry[] | null;
};

const encoder = new TextEncoder();

/** Return the tar name of a path: no leading slash, directories end in `/`, whiteouts use `.wh.`. */
function tarName(entry: LayerEntry): string {
  const relative = entry.path.replace(/^\/+/, '');
  if (entry.type === 'whiteout') {
    const cut = relative.lastIndexOf('/');
    return cut < 0 ? `.wh.${relative}` : `${relative.slice(0, cut)}/.wh.${relative.slice(cut + 1)}`;
  }
  return entry.type === 'dir' ? `${relative}/` : relative;
}

/**
 * Build the layer tar and its identity. `contentOf` returns the bytes of a
 * file entry. Entries without stored content (synthetic payloads, large
 * files) are written as a short stand-in that names their digest and size.
 * NOTE: the diff ID is a real SHA-256 of a real ustar archive, but simulated
 * payloads make that archive much smaller than the layer `size` reports.
 */
export function buildLayer(entries: LayerEntry[], contentOf: (digest: string) => Uint8Array | undefined): LayerRecord {
  const sorted = [...entries].sort((a, b) => (tarName(a) < tarName(b) ? -1 : tarName(a) > tarName(b) ? 1 : 0));
  const tarEntries: TarEntry[] = sorted.map((entry) => {
    if (entry.type === 'whiteout') return { name: tarName(entry), type: 'file', mode: 0o644, uid: 0, gid: 0, data: new Uint8Array() };
    if (entry.type !== 'file') return { name: tarName(entry), type: entry.type, mode: entry.mode, uid: entry.uid, gid: entry.gid, linkTarget: entry.linkTarget };
    const stored = entry.digest === undefined || entry.synthetic === true ? undefined : contentOf(entry.digest);
    const data = stored ?? encoder.encode(`simulated content ${entry.digest ?? ''} size ${entry.size}\n`);
    return { name: tarName(entry), type: 'file', mode: entry.mode, uid: entry.uid, gid: entry.gid, data };
  });
  const tar = writeTar(tarEntries);
  const compressed = gzipSync(tar, { level: 6, mtime: 0 });
  return {
    diffId: sha256Digest(tar),
    size: sorted.reduce((total, entry) => total + (entry.type === 'file' ? entry.size : 0), 0),
    compressedDigest: sha256Digest(compressed),
    compressedSize: compressed.length,
    entries: sorted,
  };
}
