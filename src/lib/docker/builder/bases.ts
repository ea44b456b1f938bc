import type { Dockerfile } from '../ast.ts';
import { resolveCatalog, type MaterializedBase } from '../catalog/index.ts';
import { seededFraction } from '../digest.ts';
import { expandWord } from '../parser/index.ts';
import { formatFull, parseReference, ReferenceError, type ImageReference } from '../reference.ts';
import type { ImageStore } from '../store/store.ts';
import { BuildFailure } from './errors.ts';
import type { PlainProgress } from './progress.ts';
import type { StageBase } from './start-stage.ts';

/**
 * Resolve the base of every needed stage: an earlier stage, scratch, an image
 * of the local store (the docker driver prefers those unless `--pull`), or a
 * catalog image. Prints the "load metadata" vertices and returns a
 * BuildFailure, already printed up to its vertex, for an image that does not exist.
 */
/**
 * Return the registry's answer for an image the catalog lacks: `not found`
 * for a missing tag of a known repository, and Docker Hub's access-denied text
 * for a repository that does not exist.
 */
export function missingImageDetail(reference: ImageReference, full: string): string {
  const knownRepository = resolveCatalog({ ...reference, tag: 'latest', digest: null }, 0) !== null || ['library/python', 'library/node', 'library/nginx', 'library/debian', 'library/ubuntu', 'library/alpine', 'nvidia/cuda'].includes(reference.path);
  return knownRepository ? `${full}: not found` : 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
}

export function resolveBases(
  dockerfile: Dockerfile,
  needed: Set<number>,
  globalArgs: Map<string, string>,
  options: { store: ImageStore; progress: PlainProgress; pull: boolean },
): Map<number, StageBase> | BuildFailure {
  const stageNames = dockerfile.stages.map((stage) => stage.name);
  const bases = new Map<number, StageBase>();
  const metadataDone = new Map<string, MaterializedBase>();
  for (const index of [...needed].sort((a, b) => a - b)) {
    const stage = dockerfile.stages[index];
    if (stage === undefined) continue;
    const imageText = expandWord(stage.baseImage, globalArgs, dockerfile.escapeToken);
    const stageIndex = stageNames.findIndex((name, candidate) => candidate < index && name === imageText.toLowerCase());
    if (stageIndex >= 0) {
      bases.set(index, { stage: stageIndex });
      continue;
    }
    if (imageText === 'scratch') {
      bases.set(index, { scratch: true });
      continue;
    }
    let reference;
    try {
      reference = parseReference(imageText);
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      const failure = new BuildFailure(`failed to parse stage name "${imageText}": ${error.message}`, { range: stage.from.range });
      return failure;
    }
    const full = formatFull(reference.tag === null && reference.digest === null ? { ...reference, tag: 'latest' } : reference);

    // The docker driver lets BuildKit use images from the local image store, before any registry.
    const local = options.pull ? null : options.store.findByName(imageText);
    if (local !== null) {
      if (!metadataDone.has(full)) options.progress.done(options.progress.start(`[internal] load metadata for ${full}`), 0);
      bases.set(index, { local: local.id, reference: full });
      continue;
    }
    const found = metadataDone.get(full) ?? resolveCatalog(reference, options.store.state.epoch);
    if (!metadataDone.has(full)) {
      const vertex = options.progress.start(`[internal] load metadata for ${full}`);
      if (found === null) {
        const detail = missingImageDetail(reference, full);
        options.progress.error(vertex, detail);
        const failure = new BuildFailure(`${imageText}: failed to resolve source metadata for ${full}: ${detail}`, { range: stage.from.range, step: { title: `[internal] load metadata for ${full}`, logs: [] } });
        return failure;
      }
      options.progress.done(vertex, 0.4 + seededFraction(full) * 0.9);
      metadataDone.set(full, found);
    }
    if (found !== null) bases.set(index, { reference: full, base: found });
  }
  return bases;
}
