import { sha256Digest } from '../digest.ts';
import type { ImageConfig } from '../image/config.ts';
import type { LayerRecord } from '../image/layer.ts';
import { formatFamiliar, type ImageReference } from '../reference.ts';
import { floatingTags } from './floating.ts';
import { baseImages } from './images.ts';
import type { BaseImage } from './types.ts';

export type { BaseImage, OsFamily } from './types.ts';
export { baseFiles, type BaseFile } from './files.ts';

/** Catalog image turned into what the image store keeps. */
export type MaterializedBase = {
  image: BaseImage;
  /** Key under which the catalog finds the image again (`library/python:3.12.11-slim-bookworm`). */
  key: string;
  config: ImageConfig;
  layers: LayerRecord[];
  /** Manifest digest on Docker Hub, the `@sha256:` BuildKit pins the FROM to. */
  manifestDigest: string;
};

const byKey = new Map<string, BaseImage>();
for (const image of baseImages) {
  for (const tag of [image.canonicalTag, ...image.pinnedTags]) byKey.set(`${image.repository}:${tag}`, image);
}
const materialized = new Map<string, MaterializedBase>();

/** Return the key of a catalog image. */
function keyOf(image: BaseImage): string {
  return `${image.repository}:${image.canonicalTag}`;
}

/**
 * Find the catalog image a Docker Hub reference names at registry epoch
 * `epoch`. Returns null for images that do not exist (an unknown name, tag
 * or digest), which the caller reports like a failed pull.
 */
export function resolveCatalog(reference: ImageReference, epoch: number): MaterializedBase | null {
  if (reference.domain !== 'docker.io') return null;
  if (reference.digest !== null) {
    for (const image of baseImages) {
      const base = materializeBase(image);
      if (base.manifestDigest === reference.digest && image.repository === reference.path) return base;
    }
    return null;
  }
  const tag = reference.tag ?? 'latest';
  const floating = floatingTags[`${reference.path}:${tag}`];
  if (floating !== undefined && floating.length > 0) {
    const canonical = floating[Math.min(epoch, floating.length - 1)];
    const image = byKey.get(`${reference.path}:${canonical}`);
    if (image !== undefined) return materializeBase(image);
  }
  const pinned = byKey.get(`${reference.path}:${tag}`);
  return pinned === undefined ? null : materializeBase(pinned);
}

/** Return a catalog image by its key (as stored with built images), or null. */
export function catalogImageByKey(key: string): BaseImage | null {
  return byKey.get(key) ?? null;
}

/** Turn a catalog image into a config, layers and manifest digest (memoised: the values never change). */
export function materializeBase(image: BaseImage): MaterializedBase {
  const key = keyOf(image);
  const cached = materialized.get(key);
  if (cached !== undefined) return cached;

  const layers: LayerRecord[] = [];
  const rootfsCreated = new Date(new Date(image.created).getTime() - 6 * 86_400_000).toISOString().replace(/\.000Z$/, 'Z');
  // Rows of images built with BuildKit carry its comment; the Debian rootfs row names debuerreotype.
  const builtWithBuildkit = image.history.some((row) => row.createdBy.includes('# buildkit'));
  const commentOf = (createdBy: string, index: number): string | undefined => {
    if (createdBy.startsWith('# debian.sh')) return 'debuerreotype 0.15';
    if (createdBy.startsWith('/bin/sh -c #(nop)')) return undefined;
    return builtWithBuildkit && (index > 0 || createdBy.includes('# buildkit')) ? 'buildkit.dockerfile.v0' : undefined;
  };
  const history = image.history.map((row, index) => {
    const created = index === 0 || (index === 1 && image.os === 'ubuntu') ? rootfsCreated : image.created;
    const comment = commentOf(row.createdBy, index);
    if (row.size === undefined) return { created, created_by: row.createdBy, ...(comment === undefined ? {} : { comment }), empty_layer: true };
    const seed = `${key} layer ${index}`;
    layers.push({
      diffId: sha256Digest(`uncompressed ${seed}`),
      size: row.size,
      compressedDigest: sha256Digest(`compressed ${seed}`),
      compressedSize: Math.round(row.size * 0.36),
      entries: null,
    });
    return { created, created_by: row.createdBy, ...(comment === undefined ? {} : { comment }) };
  });
  const config: ImageConfig = {
    architecture: 'amd64',
    config: {
      User: image.user,
      ExposedPorts: Object.fromEntries(image.exposedPorts.map((port) => [port, {}])),
      Env: image.env,
      Entrypoint: image.entrypoint,
      Cmd: image.cmd,
      WorkingDir: image.workdir,
      Labels: image.labels,
      StopSignal: image.stopSignal,
    },
    created: image.created,
    history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
  };
  const result: MaterializedBase = {
    image,
    key,
    config,
    layers,
    manifestDigest: sha256Digest(`manifest ${key}`),
  };
  materialized.set(key, result);
  return result;
}

/** List every catalog image with its familiar canonical reference (`python:3.12.11-slim-bookworm`). */
export function listCatalog(): Array<{ reference: string; image: BaseImage }> {
  return baseImages.map((image) => ({
    reference: formatFamiliar({ domain: 'docker.io', path: image.repository, tag: image.canonicalTag, digest: null }),
    image,
  }));
}
