import type { DockerEngine } from '../../lib/docker/index.ts';
import { renderImages, type ImageView } from './images.ts';

/** Read the engine's images with their layers and show them in the image panel. */
export async function refreshImagePanel(root: HTMLElement, engine: DockerEngine): Promise<void> {
  const container = root.querySelector<HTMLElement>('[data-image-panel]');
  if (container === null) return;

  const images = await engine.store.listImages();
  const views: ImageView[] = images.map((image) => ({
    id: image.id,
    tags: image.repoTags,
    size: image.size,
    layers: image.layers.map((layer) => ({ createdBy: layer.createdBy, size: layer.size })),
  }));
  renderImages(container, views);
}
