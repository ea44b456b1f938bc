import type { Stage } from '../ast.ts';
import { catalogImageByKey, type MaterializedBase } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { catalogFilesystem } from '../image/base-filesystem.ts';
import { ImageFilesystem } from '../image/filesystem.ts';
import { storedImageFilesystem } from '../image/stored-filesystem.ts';
import type { ImageStore } from '../store/store.ts';
import type { BuildStepRecord } from '../store/state.ts';
import { ensureBaseLayers } from '../image/catalog-pull.ts';
import { progressSize, rfc3339 } from '../units.ts';
import type { PlainProgress } from './progress.ts';
import type { StageState } from './stage.ts';

/** Count the steps BuildKit numbers in a stage: FROM and every filesystem instruction. */
function countSteps(stage: Stage): number {
  return 1 + stage.instructions.filter((instruction) => ['run', 'copy', 'add', 'workdir'].includes(instruction.kind)).length;
}

/** Base of a stage: a catalog image, an image of the local store, an earlier stage, or scratch. */
export type StageBase = { reference: string; base: MaterializedBase } | { local: string; reference: string } | { stage: number } | { scratch: true };

/** Start a stage from its base and print the FROM step. */
export function startStage(
  stage: Stage,
  index: number,
  label: string,
  base: StageBase,
  finished: Map<number, StageState>,
  store: ImageStore,
  progress: PlainProgress,
  steps: BuildStepRecord[],
  now: Date,
): StageState {
  const totalSteps = countSteps(stage);
  const title = (text: string) => `[${label}1/${totalSteps}] ${text}`;
  const common = { index, name: stage.name, label, totalSteps, stepNumber: 1, args: new Map<string, string | undefined>() };

  if ('stage' in base) {
    const parent = finished.get(base.stage);
    if (parent === undefined) throw new Error(`stage ${base.stage} must be built before stage ${index}`);
    const vertex = progress.start(title(`FROM ${stage.baseImage}`));
    progress.done(vertex, 0);
    steps.push({ title: title(`FROM ${stage.baseImage}`), cached: true, instruction: `FROM ${stage.baseImage}` });
    return { ...common, fs: parent.fs.clone(), config: structuredClone(parent.config), history: [...parent.history], diffIds: [...parent.diffIds], base: parent.base, baseKey: parent.baseKey, cacheKey: parent.cacheKey, lastCreated: parent.lastCreated };
  }
  if ('local' in base) {
    const image = store.state.images[base.local];
    if (image === undefined) throw new Error(`image ${base.local} left the store during the build`);
    const config = store.configOf(image);
    const vertex = progress.start(title(`FROM ${base.reference}`));
    progress.done(vertex, 0);
    steps.push({ title: title(`FROM ${base.reference}`), cached: true, instruction: `FROM ${base.reference}` });
    const catalogBase = image.baseKey === null ? null : catalogImageByKey(image.baseKey);
    return { ...common, fs: storedImageFilesystem(store, image), config: structuredClone(config.config), history: [...config.history], diffIds: [...config.rootfs.diff_ids], base: catalogBase, baseKey: image.baseKey, cacheKey: sha256Digest(`from local ${image.id}`), lastCreated: config.created };
  }
  if ('scratch' in base) {
    return { ...common, totalSteps: totalSteps - 1, stepNumber: 0, fs: new ImageFilesystem(), config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] }, history: [], diffIds: [], base: null, baseKey: null, cacheKey: sha256Digest('scratch'), lastCreated: rfc3339(now) };
  }

  const { base: materialized, reference } = base;
  const pinned = `${reference.replace(/@sha256:[a-f0-9]{64}$/, '')}@${materialized.manifestDigest}`;
  const vertex = progress.start(title(`FROM ${pinned}`));
  progress.status(vertex, `resolve ${pinned} 0.0s done`);
  const pulled = materialized.layers.every((layer) => store.state.layers[layer.diffId] !== undefined);
  let pullSeconds = 0;
  if (!pulled) {
    for (const layer of materialized.layers) {
      const seconds = 0.2 + layer.compressedSize / 40_000_000;
      pullSeconds += seconds;
      progress.status(vertex, `${layer.compressedDigest} ${progressSize(layer.compressedSize)} / ${progressSize(layer.compressedSize)} ${seconds.toFixed(1)}s done`);
    }
    for (const layer of materialized.layers) {
      const seconds = 0.1 + layer.size / 150_000_000;
      pullSeconds += seconds;
      progress.status(vertex, `extracting ${layer.compressedDigest} ${seconds.toFixed(1)}s done`);
    }
  }
  progress.done(vertex, pullSeconds);
  steps.push({ title: title(`FROM ${pinned}`), cached: pulled, instruction: `FROM ${reference}` });
  ensureBaseLayers(store, materialized);
  const fs = catalogFilesystem(materialized.key, materialized.image, (digest, data) => store.putBlob(digest, data));
  return {
    ...common,
    fs,
    config: structuredClone(materialized.config.config),
    history: [...materialized.config.history],
    diffIds: [...materialized.config.rootfs.diff_ids],
    base: materialized.image,
    baseKey: materialized.key,
    cacheKey: sha256Digest(`from ${materialized.manifestDigest}`),
    lastCreated: materialized.config.created,
  };
}

