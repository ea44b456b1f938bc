import type { LeafCheck } from '../definition/schema.ts';
import { familiarReference, shortId } from './image-names.ts';
import { readLabFile } from './read.ts';
import { fail, pass, type CheckResult, type CheckState, type Evaluator } from './types.ts';

type ImageCheck = Extract<LeafCheck, { type: 'image' }>;

/** Host of the lab registry; the engine stores its repositories without it. */
const LAB_REGISTRY = 'localhost:5000';

/** Find the manifest digest the lab registry holds for a pushed reference such as `localhost:5000/heart-model:1.1`. */
async function registryDigest(state: CheckState, ref: string): Promise<string | null> {
  const expectedName = familiarReference(ref);
  const tags = await state.engine.store.registryTags();
  const entry = tags.find((tag) => familiarReference(`${LAB_REGISTRY}/${tag.repository}:${tag.tag}`) === expectedName);
  return entry?.digest ?? null;
}

/** Resolve every reference to an image id; returns a failure naming the first one that does not exist. */
async function resolveAll(state: CheckState, refs: string[]): Promise<{ ids: string[] } | CheckResult> {
  const ids: string[] = [];
  for (const ref of refs) {
    const id = await state.engine.store.resolve(ref);
    if (id === null) return fail(`There is no image ${ref} yet. Run docker images to see the tags that exist.`);
    ids.push(id);
  }
  return { ids };
}

const assertions: Record<ImageCheck['assert'], (check: ImageCheck, state: CheckState) => Promise<CheckResult>> = {
  async 'tag-exists'(check, state) {
    const ref = check.ref ?? '';
    const id = await state.engine.store.resolve(ref);
    if (id === null) return fail(`There is no image ${ref} yet. Build it with docker build -t ${ref} .`);
    return pass(`${ref} exists (image ${shortId(id)}).`);
  },

  async 'same-id'(check, state) {
    const refs = check.refs ?? [];
    const resolved = await resolveAll(state, refs);
    if (!('ids' in resolved)) return resolved;
    const distinct = new Set(resolved.ids);
    if (distinct.size === 1) return pass(`${refs.join(' and ')} name the same image (${shortId(resolved.ids[0] ?? '')}).`);
    const listing = refs.map((ref, index) => `${ref} is ${shortId(resolved.ids[index] ?? '')}`).join(', ');
    return fail(`${listing}. Move the tag with docker tag so they name the same image.`);
  },

  async 'different-id'(check, state) {
    const refs = check.refs ?? [];
    const resolved = await resolveAll(state, refs);
    if (!('ids' in resolved)) return resolved;
    if (new Set(resolved.ids).size === refs.length) return pass(`${refs.join(' and ')} are different images.`);
    return fail(`${refs.join(' and ')} name the same image (${shortId(resolved.ids[0] ?? '')}). Change the app, then build the new version.`);
  },

  async pushed(check, state) {
    const ref = check.ref ?? '';
    const digest = await registryDigest(state, ref);
    if (digest === null) return fail(`${ref} is not in the lab registry yet. Tag the image with that name and run docker push ${ref}.`);
    const inspected = await state.engine.store.inspect(ref);
    const repository = familiarReference(ref).replace(/:[^:/]+$/, '');
    const repoDigests = Array.isArray(inspected?.RepoDigests) ? (inspected.RepoDigests as string[]) : [];
    if (!repoDigests.includes(`${repository}@${digest}`)) {
      return fail(`The registry holds ${ref}, but the local image has no RepoDigest for it. Push it again with docker push ${ref}.`);
    }
    return pass(`${ref} was pushed; its manifest digest is ${digest}.`);
  },

  async 'digest-in-file'(check, state) {
    const ref = check.ref ?? '';
    const file = check.file ?? '';
    const digest = await registryDigest(state, ref);
    if (digest === null) return fail(`${ref} has not been pushed yet, so it has no digest to record. Run docker push ${ref} first.`);
    const text = await readLabFile(state, file);
    if (text === null) return fail(`${file} does not exist yet. Write the pushed image's digest reference into it.`);
    if (text.includes(digest)) return pass(`${file} records ${digest}.`);

    // A replay rebuilds the image at another time, so the digest the learner
    // copied cannot match; a well-formed digest of the pushed repository is accepted.
    const repository = familiarReference(ref).replace(/:[^:/]+$/, '');
    const reference = new RegExp(`${repository.replace(/[.]/g, '\\.')}@sha256:[0-9a-f]{64}`);
    if (state.replayed === true && reference.test(text)) {
      return pass(`${file} records a digest of ${repository}. The server rebuilds images at a fixed time, so it checks the form of the digest, not its value.`);
    }
    return fail(`${file} does not contain the digest of ${ref}. Find it in the push output or with docker image inspect (RepoDigests).`);
  },
};

/** Judge the image store: tags, image ids and what was pushed to the lab registry. */
export const evaluateImageCheck: Evaluator<ImageCheck> = (check, state) => assertions[check.assert](check, state);
