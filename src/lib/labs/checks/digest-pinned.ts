import type { LeafCheck } from '../definition/schema.ts';
import type { BuildRecord } from '../../docker/index.ts';
import { loadDockerfile, stageBases } from './dockerfile-source.ts';
import { familiarReference } from './image-names.ts';
import { readLabFile } from './read.ts';
import { fail, pass, type CheckResult, type CheckState, type Evaluator } from './types.ts';

type DigestPinnedCheck = Extract<LeafCheck, { type: 'digest-pinned' }>;

/** Return the layer diff IDs of an image, or null when the store does not hold it. */
async function layersOf(state: CheckState, ref: string): Promise<string[] | null> {
  const inspected = await state.engine.store.inspect(ref);
  const rootfs = inspected?.RootFS as { Layers?: unknown } | undefined;
  return Array.isArray(rootfs?.Layers) ? (rootfs.Layers as string[]) : null;
}

/** Return the base digest the first successful build of `ref` resolved, read from its FROM step title. */
function firstBaseDigest(builds: BuildRecord[], ref: string): string | null {
  const expectedName = familiarReference(ref);
  const first = builds.find((build) => build.imageId !== null && build.tags.some((tag) => familiarReference(tag) === expectedName));
  const from = first?.steps.find((step) => /\]\s*FROM\s/.test(step.title));
  return /@(sha256:[0-9a-f]{64})/.exec(from?.title ?? '')?.[1] ?? null;
}

/**
 * Tell whether the pinned base is the base `target` was built on: its layers
 * start the target's layers. When the store no longer contains the base, the
 * digest in the FROM step title of the target's first build decides.
 */
async function sameBase(state: CheckState, builds: BuildRecord[], pinnedText: string, pinnedDigest: string, target: string): Promise<CheckResult | null> {
  const targetLayers = await layersOf(state, target);
  if (targetLayers === null) return fail(`There is no image ${target} to compare the base with. Build it first.`);

  const baseLayers = await layersOf(state, pinnedText);
  if (baseLayers !== null) {
    const isPrefix = baseLayers.length <= targetLayers.length && baseLayers.every((layer, index) => layer === targetLayers[index]);
    return isPrefix ? null : fail(`${pinnedText} is not the base ${target} was built on. Pin the digest of the base image ${target} was built on.`);
  }
  const expected = firstBaseDigest(builds, target);
  if (expected === null || expected === pinnedDigest) return null;
  return fail(`The final stage is pinned to ${pinnedDigest}, but ${target} was built on ${expected}. Pin the digest ${target} was built on.`);
}

/**
 * Judge that every base image is pinned by digest (`FROM python:3.12-slim@sha256:…`)
 * and that the pinned Dockerfile has been built, which proves the digest exists.
 */
export const evaluateDigestPinnedCheck: Evaluator<DigestPinnedCheck> = async (check, state) => {
  const loaded = await loadDockerfile(state, check.path);
  if ('error' in loaded) return fail(loaded.error);

  const bases = stageBases(loaded.dockerfile);
  if (bases.length === 0) return fail('No stage starts FROM an external image.');
  const unpinned = bases.find((base) => base.reference?.digest === null || base.reference === null);
  if (unpinned !== undefined) {
    return fail(
      `FROM ${unpinned.text} on line ${unpinned.stage.from.range.start.line} names a tag, which upstream can move. Append the digest: FROM ${unpinned.text}@sha256:… (docker images --digests shows it).`,
    );
  }

  const text = await readLabFile(state, check.path);
  const builds = await state.engine.store.builds();
  const built = builds.some((build) => build.imageId !== null && build.dockerfileText === text);
  if (!built) return fail(`The base image is pinned by digest, but this ${check.path} has not been built yet. Run docker build to prove the digest exists.`);

  const finalBase = bases[bases.length - 1];
  if (check.sameBaseAs !== undefined && finalBase?.reference?.digest != null) {
    const mismatch = await sameBase(state, builds, finalBase.text, finalBase.reference.digest, check.sameBaseAs);
    if (mismatch !== null) return mismatch;
  }
  return pass(`Every base image is pinned by digest: ${bases.map((base) => base.text).join(', ')}.`);
};
