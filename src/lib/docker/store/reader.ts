import type { ImageConfig } from '../image/config.ts';
import type { BuildRecord } from './state.ts';
import type { ImageStore } from './store.ts';
import type { StoredImage } from './state.ts';

/** An image as `listImages()` returns it. */
export type ImageSummary = {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: string;
  size: number;
  layers: Array<{ diffId: string; size: number; createdBy: string }>;
};

/** One row of `docker history`, newest first. */
export type HistoryRow = { id: string; created: string; createdBy: string; size: number; comment: string; emptyLayer: boolean };

/** Tag of the lab registry with its manifest digest and image. */
export type RegistryTag = { repository: string; tag: string; digest: string; imageId: string };

/** Read API over the image store, for lab checks and the image panel. */
export interface ImageStoreReader {
  listImages(): Promise<ImageSummary[]>;
  inspect(ref: string): Promise<Record<string, unknown> | null>;
  resolve(ref: string): Promise<string | null>;
  history(ref: string): Promise<HistoryRow[] | null>;
  registryTags(): Promise<RegistryTag[]>;
  builds(): Promise<BuildRecord[]>;
}

/** Pair each history row with its layer (rows with `empty_layer` have none). */
function layerRows(store: ImageStore, image: StoredImage): Array<{ createdBy: string; created: string; comment: string; emptyLayer: boolean; size: number; diffId: string | null }> {
  const config = store.configOf(image);
  const layers = store.layersOf(image);
  let next = 0;
  return config.history.map((row) => {
    if (row.empty_layer === true) return { createdBy: row.created_by, created: row.created, comment: row.comment ?? '', emptyLayer: true, size: 0, diffId: null };
    const layer = layers[next];
    next += 1;
    return { createdBy: row.created_by, created: row.created, comment: row.comment ?? '', emptyLayer: false, size: layer?.size ?? 0, diffId: layer?.diffId ?? null };
  });
}

/**
 * Build the JSON object `docker image inspect` prints for an image, in the
 * shape of Engine API 1.50 and later (Docker 28.2+): Config has no Hostname,
 * Tty, Image or other container-only fields, but still lists empty Env, Cmd,
 * User, WorkingDir, Volumes, Entrypoint, OnBuild and Labels.
 * NOTE: the order of Config keys follows the older container config and is not checked against a 28.x daemon.
 */
export function inspectObject(store: ImageStore, image: StoredImage): Record<string, unknown> {
  const config: ImageConfig = store.configOf(image);
  const container = config.config;
  const lastComment = config.history.at(-1)?.comment ?? '';
  return {
    Id: image.id,
    RepoTags: image.repoTags,
    RepoDigests: image.repoDigests,
    Parent: '',
    Comment: lastComment,
    Created: config.created,
    DockerVersion: '',
    Author: '',
    Config: {
      User: container.User ?? '',
      ...(container.ExposedPorts !== undefined && Object.keys(container.ExposedPorts).length > 0 ? { ExposedPorts: container.ExposedPorts } : {}),
      Env: container.Env ?? null,
      Cmd: container.Cmd ?? null,
      ...(container.Healthcheck !== undefined ? { Healthcheck: container.Healthcheck } : {}),
      ...(container.ArgsEscaped === true ? { ArgsEscaped: true } : {}),
      Volumes: container.Volumes !== undefined && Object.keys(container.Volumes).length > 0 ? container.Volumes : null,
      WorkingDir: container.WorkingDir ?? '',
      Entrypoint: container.Entrypoint ?? null,
      OnBuild: container.OnBuild ?? null,
      Labels: container.Labels !== undefined && Object.keys(container.Labels).length > 0 ? container.Labels : null,
      ...(container.StopSignal !== undefined ? { StopSignal: container.StopSignal } : {}),
      ...(container.Shell !== undefined ? { Shell: container.Shell } : {}),
    },
    Architecture: config.architecture,
    Os: config.os,
    Size: store.sizeOf(image),
    GraphDriver: {
      Data: {
        MergedDir: `/var/lib/docker/overlay2/${image.id.slice(7, 32)}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${image.id.slice(7, 32)}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${image.id.slice(7, 32)}/work`,
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: config.rootfs.diff_ids },
    Metadata: { LastTagTime: image.lastTagTime ?? '0001-01-01T00:00:00Z' },
  };
}

/** Return an image's history rows, newest first; only the top row carries the image ID, as with BuildKit images. */
export function historyRows(store: ImageStore, image: StoredImage): HistoryRow[] {
  const rows = layerRows(store, image).reverse();
  return rows.map((row, index) => ({ id: index === 0 ? image.id : '<missing>', created: row.created, createdBy: row.createdBy, size: row.size, comment: row.comment, emptyLayer: row.emptyLayer }));
}

/** Create the reader; `load` refreshes the store from disk before each call so other engines' writes are seen. */
export function createStoreReader(store: ImageStore, load: () => Promise<void>): ImageStoreReader {
  return {
    async listImages() {
      await load();
      return Object.values(store.state.images).map((image) => ({
        id: image.id,
        repoTags: image.repoTags,
        repoDigests: image.repoDigests,
        created: store.configOf(image).created,
        size: store.sizeOf(image),
        layers: layerRows(store, image).filter((row) => !row.emptyLayer).map((row) => ({ diffId: row.diffId ?? '', size: row.size, createdBy: row.createdBy })),
      }));
    },
    async inspect(ref) {
      await load();
      const image = store.find(ref);
      return image === null ? null : inspectObject(store, image);
    },
    async resolve(ref) {
      await load();
      return store.find(ref)?.id ?? null;
    },
    async history(ref) {
      await load();
      const image = store.find(ref);
      return image === null ? null : historyRows(store, image);
    },
    async registryTags() {
      await load();
      const tags: RegistryTag[] = [];
      for (const [repository, entry] of Object.entries(store.state.registry)) {
        for (const [tag, digest] of Object.entries(entry.tags)) tags.push({ repository, tag, digest, imageId: entry.manifests[digest]?.imageId ?? '' });
      }
      return tags;
    },
    async builds() {
      await load();
      return store.readBuilds();
    },
  };
}
