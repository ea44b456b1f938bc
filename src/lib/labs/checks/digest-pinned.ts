import type { LeafCheck } from '../definition/schema.ts';
import type { BuildRecord } from '../../docker/index.ts';
import { loadDockerfile, stageBases } from './dockerfile-source.ts';
import { familiarReference } from './image-names.ts';
import { readLabFile } from './read.ts';
import { fail, pass, type Evaluator } from './types.ts';

type DigestPinnedCheck = Extract<LeafCheck, { type: 'digest-pinned' }>;

/** Return the base digest the first successful build of `ref` resolved, read from its FROM step title. */
function firstBaseDigest(builds: BuildRecord[], ref: string): string | null {
  const wanted = familiarReference(ref);
  const first = builds.find((build) => build.imageId !== null && build.tags.some((tag) => familiarReference(tag) === wanted));
  const from = first?.steps.find((step) => /\]\s*FROM\s/.test(step.title));
  return /@(sha256:[0-9a-f]{64})/.exec(from?.title ?? '')?.[1] ?? null;
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

  if (check.sameBaseAs !== undefined) {
    const expected = firstBaseDigest(builds, check.sameBaseAs);
    const pinned = bases[bases.length - 1]?.reference?.digest ?? null;
    if (expected === null) return fail(`There is no build of ${check.sameBaseAs} to compare the base with. Build it first.`);
    if (pinned !== expected) {
      return fail(`The final stage is pinned to ${pinned}, but ${check.sameBaseAs} was built on ${expected}. Pin the digest ${check.sameBaseAs} was built on; the FROM line of its build output shows it.`);
    }
  }
  return pass(`Every base image is pinned by digest: ${bases.map((base) => base.text).join(', ')}.`);
};
