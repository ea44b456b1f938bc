import type { DockerEngine } from '../../lib/docker/index.ts';
import { renderImages, type ImageView } from './images.ts';

/** Read the engine's images and their layer history, and show them in the image panel. */
export async function refreshImagePanel(root: HTMLElement, engine: DockerEngine): Promise<void> {
  const container = root.querySelector<HTMLElement>('[data-image-panel]');
  if (container === null) return;
  renderImages(container, await imageViews(engine));
}

/** Collect each image with its tags and the size of each layer, oldest layer first. */
export async function imageViews(engine: DockerEngine): Promise<ImageView[]> {
  const images = await engine.store.listImages();
  const views: ImageView[] = [];
  for (const image of images) {
    const history = await engine.store.history(image.id);
    const layers = history.map((row: { createdBy: string; size: number }) => ({ createdBy: row.createdBy, size: row.size }));
    views.push({ id: image.id, tags: image.repoTags ?? [], size: image.size ?? layers.reduce((sum: number, layer: { size: number }) => sum + layer.size, 0), layers });
  }
  return views;
}
