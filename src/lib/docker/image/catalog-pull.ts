import type { MaterializedBase } from '../catalog/index.ts';
import { imageIdOf, serializeImageConfig } from './config.ts';
import type { ImageStore } from '../store/store.ts';

/** Store a catalog image's layers. BuildKit keeps bases it pulls for a build out of `docker images`, so no image is added. */
export function ensureBaseLayers(store: ImageStore, materialized: MaterializedBase): void {
  for (const layer of materialized.layers) store.putLayer(layer);
}

/** Add a catalog image to the store as `docker pull` does: layers, image, repo digest. Returns the image ID. */
export function pullCatalogImage(store: ImageStore, materialized: MaterializedBase, familiarRepository: string): string {
  ensureBaseLayers(store, materialized);
  const id = imageIdOf(materialized.config);
  const image = store.putImage(id, serializeImageConfig(materialized.config), materialized.key);
  const digest = `${familiarRepository}@${materialized.manifestDigest}`;
  if (!image.repoDigests.includes(digest)) image.repoDigests.push(digest);
  return id;
}

