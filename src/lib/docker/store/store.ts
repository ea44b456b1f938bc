import type { FileSystem } from '../../vfs/index.ts';
import { sha256Hex } from '../digest.ts';
import type { ImageConfig } from '../image/config.ts';
import type { LayerRecord } from '../image/layer.ts';
import { familiarName, formatFamiliar, parseReference, withDefaultTag } from '../reference.ts';
import { emptyState, type BuildRecord, type EngineState, type StoredImage } from './state.ts';

/** Builds kept in the build log; older ones are deleted. */
const keptBuilds = 100;

const decoder = new TextDecoder();

/**
 * The engine's persistent state: images, layers, build cache, build log and
 * the lab registry in `<stateDir>/state.json`, plus file contents in
 * `<stateDir>/blobs/<hex>` and one file per build under `<stateDir>/builds/`
 * (kept apart so the state read by every command stays small). Every command loads it fresh, so separate engine
 * instances over the same FileSystem see the same images.
 */
export class ImageStore {
  readonly fs: FileSystem;
  readonly stateDir: string;
  state: EngineState = emptyState();
  #blobCache = new Map<string, Uint8Array>();
  #pendingBlobs = new Map<string, Uint8Array>();
  #pendingBuilds: BuildRecord[] = [];

  constructor(fs: FileSystem, stateDir: string) {
    this.fs = fs;
    this.stateDir = stateDir.replace(/\/+$/, '') || '/';
  }

  /** Read the state from disk (an empty state when none was saved yet). */
  async load(): Promise<void> {
    const stat = await this.fs.stat(`${this.stateDir}/state.json`);
    if (stat === null) {
      this.state = emptyState();
      return;
    }
    let parsed: Partial<EngineState> & { builds?: unknown };
    try {
      parsed = JSON.parse(decoder.decode(await this.fs.readFile(`${this.stateDir}/state.json`))) as Partial<EngineState>;
    } catch {
      // A state file cut short (a tab closed mid-write) would otherwise block every command; the lab starts over.
      this.state = emptyState();
      return;
    }
    // State written before the build log moved to builds/ carried it inline; that log is dropped.
    delete parsed.builds;
    this.state = { ...emptyState(), ...parsed, version: 1 };
  }

  /** Write the state and any new blobs. */
  async save(): Promise<void> {
    await this.fs.mkdir(`${this.stateDir}/blobs`, { recursive: true });
    for (const [hex, data] of this.#pendingBlobs) await this.fs.writeFile(`${this.stateDir}/blobs/${hex}`, data);
    this.#pendingBlobs.clear();
    if (this.#pendingBuilds.length > 0) await this.fs.mkdir(`${this.stateDir}/builds`, { recursive: true });
    for (const record of this.#pendingBuilds) {
      this.state.buildCount += 1;
      await this.fs.writeFile(`${this.stateDir}/builds/${String(this.state.buildCount).padStart(8, '0')}.json`, JSON.stringify(record));
      await this.fs.rm(`${this.stateDir}/builds/${String(this.state.buildCount - keptBuilds).padStart(8, '0')}.json`, { force: true });
    }
    this.#pendingBuilds = [];
    await this.fs.writeFile(`${this.stateDir}/state.json`, JSON.stringify(this.state));
  }

  /** Queue a build record; `save` writes it. */
  recordBuild(record: BuildRecord): void {
    this.#pendingBuilds.push(record);
  }

  /** Read the build log, oldest first (the last 100 builds). */
  async readBuilds(): Promise<BuildRecord[]> {
    const directory = `${this.stateDir}/builds`;
    if ((await this.fs.stat(directory)) === null) return [...this.#pendingBuilds];
    const records: BuildRecord[] = [];
    for (const entry of await this.fs.readdir(directory)) {
      if (entry.kind === 'file' && entry.name.endsWith('.json')) records.push(JSON.parse(decoder.decode(await this.fs.readFile(`${directory}/${entry.name}`))) as BuildRecord);
    }
    return [...records, ...this.#pendingBuilds];
  }

  /** Keep file content under its digest so later steps, `cat` and layer tars can read it. */
  putBlob(digest: string, data: Uint8Array): void {
    const hex = digest.replace(/^sha256:/, '');
    if (this.#blobCache.has(hex)) return;
    this.#blobCache.set(hex, data);
    this.#pendingBlobs.set(hex, data);
  }

  /** Return stored content for a digest, or undefined. */
  async getBlob(digest: string): Promise<Uint8Array | undefined> {
    const hex = digest.replace(/^sha256:/, '');
    const cached = this.#blobCache.get(hex);
    if (cached !== undefined) return cached;
    const path = `${this.stateDir}/blobs/${hex}`;
    if ((await this.fs.stat(path)) === null) return undefined;
    const data = await this.fs.readFile(path);
    if (sha256Hex(data) !== hex) return undefined;
    this.#blobCache.set(hex, data);
    return data;
  }

  /** Return blob content already in memory (used while writing layer tars). */
  blobInMemory(digest: string): Uint8Array | undefined {
    return this.#blobCache.get(digest.replace(/^sha256:/, ''));
  }

  /** Record a layer. */
  putLayer(layer: LayerRecord): void {
    this.state.layers[layer.diffId] = layer;
  }

  /** Add or update an image (tags are managed by `tag`). */
  putImage(id: string, config: string, baseKey: string | null): StoredImage {
    const existing = this.state.images[id];
    if (existing !== undefined) return existing;
    const image: StoredImage = { id, config, repoTags: [], repoDigests: [], baseKey, lastTagTime: null };
    this.state.images[id] = image;
    return image;
  }

  /** Return the parsed config of an image. */
  configOf(image: StoredImage): ImageConfig {
    return JSON.parse(image.config) as ImageConfig;
  }

  /** Return the layers of an image, bottom first. */
  layersOf(image: StoredImage): LayerRecord[] {
    return this.configOf(image).rootfs.diff_ids.map((diffId) => {
      const layer = this.state.layers[diffId];
      if (layer === undefined) throw new Error(`layer ${diffId} of image ${image.id} is missing from the store`);
      return layer;
    });
  }

  /** Return the image size: the sum of its layers' uncompressed sizes. */
  sizeOf(image: StoredImage): number {
    return this.layersOf(image).reduce((total, layer) => total + layer.size, 0);
  }

  /**
   * Point `tag` (a familiar `name:tag`) at `id`, moving it off any other image.
   * Returns the image the tag left, if any.
   */
  tag(id: string, tag: string, now: Date): StoredImage | null {
    let previous: StoredImage | null = null;
    for (const image of Object.values(this.state.images)) {
      if (image.id !== id && image.repoTags.includes(tag)) {
        image.repoTags = image.repoTags.filter((candidate) => candidate !== tag);
        previous = image;
      }
    }
    const image = this.state.images[id];
    if (image === undefined) throw new Error(`image ${id} is not in the store`);
    if (!image.repoTags.includes(tag)) image.repoTags.push(tag);
    image.lastTagTime = now.toISOString();
    return previous;
  }

  /**
   * Find an image by `name[:tag]`, `name@digest`, full ID or unique ID prefix,
   * in that order, as the daemon does. Returns null when nothing matches.
   */
  find(text: string): StoredImage | null {
    const byName = this.findByName(text);
    if (byName !== null) return byName;
    const hex = text.replace(/^sha256:/, '');
    if (!/^[a-f0-9]{1,64}$/.test(hex)) return null;
    const byId = Object.values(this.state.images).filter((image) => image.id.slice('sha256:'.length).startsWith(hex));
    return byId.length === 1 ? (byId[0] ?? null) : null;
  }

  /** Find an image by `name[:tag]` or `name@digest` only. */
  findByName(text: string): StoredImage | null {
    let reference;
    try {
      reference = withDefaultTag(parseReference(text));
    } catch {
      return null;
    }
    const images = Object.values(this.state.images);
    if (reference.digest !== null) {
      const repoDigest = `${familiarName(reference)}@${reference.digest}`;
      return images.find((image) => image.repoDigests.includes(repoDigest)) ?? null;
    }
    const repoTag = formatFamiliar(reference);
    return images.find((image) => image.repoTags.includes(repoTag)) ?? null;
  }
}
