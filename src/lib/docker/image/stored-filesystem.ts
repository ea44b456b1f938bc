import { catalogImageByKey } from '../catalog/index.ts';
import type { StoredImage } from '../store/state.ts';
import type { ImageStore } from '../store/store.ts';
import { catalogFilesystem } from './base-filesystem.ts';
import { ImageFilesystem } from './filesystem.ts';

/** Rebuild the filesystem of a stored image: its catalog base files, then every lab-built layer in order. */
export function storedImageFilesystem(store: ImageStore, image: StoredImage): ImageFilesystem {
  const base = image.baseKey === null ? null : catalogImageByKey(image.baseKey);
  const fs = base === null || image.baseKey === null ? new ImageFilesystem() : catalogFilesystem(image.baseKey, base, (digest, data) => store.putBlob(digest, data));
  for (const layer of store.layersOf(image)) if (layer.entries !== null) fs.applyLayer(layer.entries);
  return fs;
}
