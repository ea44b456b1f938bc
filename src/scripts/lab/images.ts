import { humanSize } from '../../lib/docker/units.ts';

/** One layer of an image as the panel shows it: the step that made it and its size. */
export type LayerView = { createdBy: string; size: number };

/** One image as the panel shows it. */
export type ImageView = { id: string; tags: string[]; size: number; layers: LayerView[] };

// Colours cycle through the layers of a bar; neighbours always differ.
const COLOURS = ['#0b5cad', '#2f9e6e', '#c77d12', '#8a4fbf', '#c2410c', '#0e7490'];

/** Compute each layer's share of the image size in percent; empty layers get 0. */
export function layerShares(layers: readonly LayerView[]): number[] {
  const total = layers.reduce((sum, layer) => sum + layer.size, 0);
  if (total === 0) return layers.map(() => 0);
  return layers.map((layer) => (layer.size / total) * 100);
}

/**
 * Render the images with their tags and a stacked bar of layer sizes, the
 * view `dive` gives. The bar is decoration; the table beside it carries the
 * same sizes as text for screen readers and for reading exact numbers.
 */
export function renderImages(container: HTMLElement, images: readonly ImageView[]): void {
  container.replaceChildren();
  if (images.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'lab-muted';
    empty.append('No images yet. Build one with ');
    const code = document.createElement('code');
    code.textContent = 'docker build';
    empty.append(code, '.');
    container.append(empty);
    return;
  }

  const list = document.createElement('ul');
  list.className = 'lab-images__list';
  list.style.listStyle = 'none';
  list.style.margin = '0';
  list.style.padding = '0';
  // Tagged images first, newest tag order as the engine lists them; dangling `<none>` images last.
  const ordered = [...images].sort((a, b) => Number(a.tags.length === 0) - Number(b.tags.length === 0));
  for (const image of ordered) list.append(renderImage(image));
  container.append(list);
}

function renderImage(image: ImageView): HTMLElement {
  const item = document.createElement('li');
  item.className = 'lab-image';
  item.dataset.imageId = image.id;

  const name = document.createElement('p');
  name.className = 'lab-image__name';
  const tags = image.tags.length > 0 ? image.tags.join(', ') : '<none>';
  name.textContent = `${tags} · ${humanSize(image.size)}`;
  const id = document.createElement('span');
  id.className = 'lab-muted';
  id.textContent = ` ${image.id.replace(/^sha256:/, '').slice(0, 12)}`;
  name.append(id);
  item.append(name);

  const bar = document.createElement('div');
  bar.className = 'lab-image__bar';
  bar.setAttribute('aria-hidden', 'true');
  const shares = layerShares(image.layers);
  shares.forEach((share, index) => {
    if (share === 0) return;
    const segment = document.createElement('span');
    segment.className = 'lab-image__segment';
    segment.style.width = `${share}%`;
    segment.style.background = COLOURS[index % COLOURS.length] ?? '#888';
    segment.title = `${humanSize(image.layers[index]?.size ?? 0)}: ${image.layers[index]?.createdBy ?? ''}`;
    bar.append(segment);
  });
  item.append(bar);

  // The layer table can be long, so it sits in a disclosure; its summary keeps the count in text.
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `${image.layers.length} layers`;
  details.append(summary);
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.className = 'lab-visually-hidden';
  caption.textContent = `Layers of ${tags}, oldest first`;
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const title of ['Size', 'Created by']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = title;
    head.append(cell);
  }

  const body = table.createTBody();
  image.layers.forEach((layer, index) => {
    const row = body.insertRow();
    const size = row.insertCell();
    size.className = 'lab-image__size';
    const swatch = document.createElement('span');
    swatch.className = 'lab-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.background = layer.size > 0 ? (COLOURS[index % COLOURS.length] ?? '#888') : 'transparent';
    size.append(swatch, humanSize(layer.size));
    const step = row.insertCell();
    const code = document.createElement('code');
    code.textContent = layer.createdBy;
    step.append(code);
  });
  details.append(table);
  item.append(details);
  return item;
}
