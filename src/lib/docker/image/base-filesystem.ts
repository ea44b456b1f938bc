import { baseFiles, type BaseImage } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { ImageFilesystem, type ImageNode } from './filesystem.ts';

const encoder = new TextEncoder();
const memo = new Map<string, { nodes: Map<string, ImageNode>; blobs: Array<[string, Uint8Array]> }>();

/**
 * Build the filesystem of a catalog image. Text files get real content
 * (stored through `putBlob`); binaries are size-only stand-ins.
 */
export function catalogFilesystem(key: string, image: BaseImage, putBlob: (digest: string, data: Uint8Array) => void): ImageFilesystem {
  let entry = memo.get(key);
  if (entry === undefined) {
    const nodes = new Map<string, ImageNode>([['/', { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 }]]);
    const blobs: Array<[string, Uint8Array]> = [];
    for (const file of baseFiles(image)) {
      if (file.type === 'file' && file.text !== undefined) {
        const data = encoder.encode(file.text);
        const digest = sha256Digest(data);
        blobs.push([digest, data]);
        nodes.set(file.path, { type: 'file', mode: file.mode, uid: 0, gid: 0, size: data.length, digest });
      } else if (file.type === 'file') {
        nodes.set(file.path, { type: 'file', mode: file.mode, uid: 0, gid: 0, size: file.size ?? 0, digest: sha256Digest(`${key} ${file.path}`), synthetic: true });
      } else {
        nodes.set(file.path, { type: file.type, mode: file.mode, uid: 0, gid: 0, size: 0, linkTarget: file.linkTarget });
      }
    }
    for (const user of image.users) {
      const home = nodes.get(user.home);
      if (home?.type === 'dir') nodes.set(user.home, { ...home, uid: user.uid, gid: user.gid });
    }
    entry = { nodes, blobs };
    memo.set(key, entry);
  }
  for (const [digest, data] of entry.blobs) putBlob(digest, data);
  return new ImageFilesystem(new Map(entry.nodes));
}
