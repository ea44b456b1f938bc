import type { LayerRecord } from '../image/layer.ts';

/** Image kept by the lab's image store. */
export type StoredImage = {
  id: string;
  /** Exact config JSON bytes (as text) whose SHA-256 is `id`. */
  config: string;
  /** Tags in familiar form (`heart-model:1.0`, `localhost:5000/heart-model:1.0`). */
  repoTags: string[];
  /** `name@sha256:…` digests, set when the image was pulled or pushed. */
  repoDigests: string[];
  /** Catalog key of the base image whose files sit under the lab-built layers; null for `FROM scratch`. */
  baseKey: string | null;
  /** When a tag last moved onto this image (RFC 3339), null if never tagged. */
  lastTagTime: string | null;
};

/** Result of one build step, found again when the same step runs on the same parent. */
export type CacheRecord = {
  /** Diff ID of the layer the step added; null for steps that add none. */
  diffId: string | null;
  /** RFC 3339 time the step first ran; the history row keeps it on later hits. */
  created: string;
  /** Step log lines of the first run, without their timestamps. */
  logs: string[];
};

/** One step of a build, as the build log records it. */
export type BuildStepRecord = {
  /** Progress title, such as `[3/6] COPY requirements.txt .`. */
  title: string;
  cached: boolean;
  /** Instruction text after variable substitution. */
  instruction: string;
};

/** One `docker build`, successful or not. */
export type BuildRecord = {
  time: string;
  args: string[];
  tags: string[];
  dockerfilePath: string;
  dockerfileText: string;
  /** Path in the context to `sha256:` digest of each file sent to the builder. */
  contextDigests: Record<string, string>;
  steps: BuildStepRecord[];
  imageId: string | null;
  error: string | null;
};

/** Manifest stored in the lab registry, with the image config so a pull can restore a removed image. */
export type RegistryManifest = { imageId: string; manifest: string; size: number; config: string; baseKey: string | null };

export type RegistryRepository = {
  tags: Record<string, string>;
  manifests: Record<string, RegistryManifest>;
};

/** Everything the engine persists, as one JSON document. */
export type EngineState = {
  version: 1;
  /** Registry epoch: how many times upstream moved floating tags. */
  epoch: number;
  images: Record<string, StoredImage>;
  layers: Record<string, LayerRecord>;
  cache: Record<string, CacheRecord>;
  /** Number of builds recorded so far; each build is its own file under `builds/`. */
  buildCount: number;
  /** Lab registry (localhost:5000), repository path to its tags and manifests. */
  registry: Record<string, RegistryRepository>;
};

/** Return an empty state. */
export function emptyState(): EngineState {
  return { version: 1, epoch: 0, images: {}, layers: {}, cache: {}, buildCount: 0, registry: {} };
}
