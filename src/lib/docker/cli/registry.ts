import { pullCatalogImage } from '../image/catalog-pull.ts';
import { imageIdOf } from '../image/config.ts';
import { resolveCatalog } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { familiarName, formatFull, parseReference, ReferenceError } from '../reference.ts';
import { flagSet, parseFlags, UsageError } from './flags.ts';
import { familiarTag } from './tags.ts';
import type { CliContext, Subcommand } from './types.ts';
import { argumentCountError, commandErrorText, flagError } from './usage.ts';

/** Host of the registry that runs inside the lab. */
export const labRegistry = 'localhost:5000';

/** Build the OCI image manifest of a stored image; returns its text, digest and size. */
export function imageManifest(context: CliContext, imageId: string): { text: string; digest: string; size: number } {
  const image = context.store.state.images[imageId];
  if (image === undefined) throw new Error(`image ${imageId} is not in the store`);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: image.id, size: new TextEncoder().encode(image.config).length },
    layers: context.store.layersOf(image).map((layer) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layer.compressedDigest, size: layer.compressedSize })),
  };
  const text = JSON.stringify(manifest, null, 3);
  return { text, digest: sha256Digest(text), size: new TextEncoder().encode(text).length };
}

const pushUsage = 'docker image push [OPTIONS] NAME[:TAG]';
const pushSummary = 'Upload an image to a registry';

/** Run `docker push`: only the lab registry accepts pushes. */
async function push(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, [{ name: 'all-tags', short: 'a', kind: 'bool' }, { name: 'quiet', short: 'q', kind: 'bool' }, { name: 'help', kind: 'bool' }]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'push', pushUsage, error.message);
  }
  if (flags.operands.length !== 1) return argumentCountError(context.io, context.commandPath ?? 'push', pushUsage, { exactly: 1 });
  const text = flags.operands[0] ?? '';
  let reference;
  try {
    reference = parseReference(text);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    context.io.stderr(`${error.message}\n`);
    return 1;
  }
  const tag = familiarTag(text);
  const image = context.store.findByName(tag);
  if (image === null) {
    context.io.stderr(`An image does not exist locally with the tag: ${familiarName(reference)}\n`);
    return 1;
  }
  context.io.stdout(`The push refers to repository [${formatFull({ ...reference, tag: null, digest: null })}]\n`);
  const layers = context.store.layersOf(image);
  if (reference.domain !== labRegistry) {
    for (const layer of [...layers].reverse()) context.io.stdout(`${layer.compressedDigest.slice(7, 19)}: Preparing\n`);
    context.io.stderr('denied: requested access to the resource is denied\n');
    return 1;
  }

  const repositoryName = reference.path;
  const repository = (context.store.state.registry[repositoryName] ??= { tags: {}, manifests: {} });
  const knownLayers = new Set(Object.values(context.store.state.registry).flatMap((entry) => Object.values(entry.manifests).flatMap((manifest) => (JSON.parse(manifest.manifest) as { layers: Array<{ digest: string }> }).layers.map((layer) => layer.digest))));
  for (const layer of [...layers].reverse()) context.io.stdout(`${layer.compressedDigest.slice(7, 19)}: Preparing\n`);
  for (const layer of [...layers].reverse()) {
    context.io.stdout(`${layer.compressedDigest.slice(7, 19)}: ${knownLayers.has(layer.compressedDigest) ? 'Layer already exists' : 'Pushed'}\n`);
  }

  const manifest = imageManifest(context, image.id);
  repository.manifests[manifest.digest] = { imageId: image.id, manifest: manifest.text, size: manifest.size, config: image.config, baseKey: image.baseKey };
  const tagName = reference.tag ?? 'latest';
  repository.tags[tagName] = manifest.digest;
  const repoDigest = `${labRegistry}/${repositoryName}@${manifest.digest}`;
  if (!image.repoDigests.includes(repoDigest)) image.repoDigests.push(repoDigest);
  context.io.stdout(`${tagName}: digest: ${manifest.digest} size: ${manifest.size}\n`);
  return 0;
}

const pullUsage = 'docker image pull [OPTIONS] NAME[:TAG|@DIGEST]';
const pullSummary = 'Download an image from a registry';

/**
 * Output mode of a pull. `pull` prints progress and the reference to stdout,
 * `quiet` (`docker pull -q`) prints only the reference, and `run` (the pull
 * inside `docker run`) prints progress to stderr and no reference.
 */
export type PullOutput = 'pull' | 'quiet' | 'run';

/** Run `docker pull` from the catalog (Docker Hub) or the lab registry. Returns the image ID, or null after printing the error. */
export async function pullImage(text: string, context: CliContext, output: PullOutput = 'pull'): Promise<string | null> {
  const say = (line: string) => {
    if (output === 'pull') context.io.stdout(`${line}\n`);
    if (output === 'run') context.io.stderr(`${line}\n`);
  };
  const sayReference = (line: string) => (output === 'run' ? undefined : context.io.stdout(`${line}\n`));
  const fail = (message: string) => context.io.stderr(`${output === 'run' ? commandErrorText('run', message) : message}\n`);

  let reference;
  try {
    reference = parseReference(text);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    fail(error.message);
    return null;
  }
  const tagName = reference.tag ?? (reference.digest === null ? 'latest' : null);
  const display = familiarName(reference);

  if (reference.domain === labRegistry) {
    const repository = context.store.state.registry[reference.path];
    const digest = reference.digest ?? (tagName === null ? undefined : repository?.tags[tagName]);
    const manifest = digest === undefined ? undefined : repository?.manifests[digest];
    if (manifest === undefined || digest === undefined) {
      fail(`Error response from daemon: manifest for ${text} not found: manifest unknown: manifest unknown`);
      return null;
    }
    say(`${tagName ?? digest}: Pulling from ${reference.path}`);
    const present = context.store.state.images[manifest.imageId] !== undefined;
    const layers = (JSON.parse(manifest.manifest) as { layers: Array<{ digest: string }> }).layers;
    const alreadyTagged = present && tagName !== null && context.store.state.images[manifest.imageId]?.repoTags.includes(`${display}:${tagName}`) === true;

    // The daemon lists no layers when the tag already names this image.
    if (!alreadyTagged) for (const layer of layers) say(`${layer.digest.slice(7, 19)}: ${present ? 'Already exists' : 'Pull complete'}`);
    say(`Digest: ${digest}`);
    const stored = context.store.state.images[manifest.imageId];
    if (stored === undefined && manifest.config === undefined) {
      fail(`Error response from daemon: manifest for ${text} not found: manifest unknown: manifest unknown`);
      return null;
    }
    const image = stored ?? context.store.putImage(manifest.imageId, manifest.config, manifest.baseKey ?? null);
    const repoDigest = `${display}@${digest}`;
    if (!image.repoDigests.includes(repoDigest)) image.repoDigests.push(repoDigest);
    const upToDate = present && tagName !== null && image.repoTags.includes(`${display}:${tagName}`);
    if (tagName !== null) context.store.tag(image.id, `${display}:${tagName}`, context.now());
    say(`Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${text}`);
    sayReference(formatFull(reference));
    return image.id;
  }

  const found = resolveCatalog(reference, context.store.state.epoch);
  if (found === null) {
    const knownRepository = resolveCatalog({ ...reference, tag: 'latest', digest: null }, 0) !== null;
    fail(knownRepository ? `Error response from daemon: manifest for ${text} not found: manifest unknown: manifest unknown` : `Error response from daemon: pull access denied for ${display}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
    return null;
  }
  const alreadyThere = found.layers.every((layer) => context.store.state.layers[layer.diffId] !== undefined);
  const alreadyTagged = tagName !== null && context.store.state.images[imageIdOf(found.config)]?.repoTags.includes(`${display}:${tagName}`) === true;
  say(`${tagName ?? reference.digest}: Pulling from ${reference.path}`);
  // The daemon lists no layers when the tag already names this image.
  if (!alreadyTagged) for (const layer of found.layers) say(`${layer.compressedDigest.slice(7, 19)}: ${alreadyThere ? 'Already exists' : 'Pull complete'}`);
  say(`Digest: ${found.manifestDigest}`);
  const id = pullCatalogImage(context.store, found, display);
  const image = context.store.state.images[id];
  const wasTagged = tagName !== null && image?.repoTags.includes(`${display}:${tagName}`);
  if (tagName !== null) context.store.tag(id, `${display}:${tagName}`, context.now());
  say(`Status: ${wasTagged ? 'Image is up to date' : 'Downloaded newer image'} for ${text.includes(':') || text.includes('@') ? text : `${text}:latest`}`);
  sayReference(formatFull(tagName === null ? reference : { ...reference, tag: tagName }));
  return id;
}

/** Run `docker pull NAME[:TAG]`. */
async function pull(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, [{ name: 'quiet', short: 'q', kind: 'bool' }, { name: 'all-tags', short: 'a', kind: 'bool' }, { name: 'platform', kind: 'string' }, { name: 'help', kind: 'bool' }]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'pull', pullUsage, error.message);
  }
  if (flags.operands.length !== 1) return argumentCountError(context.io, context.commandPath ?? 'pull', pullUsage, { exactly: 1 });
  return (await pullImage(flags.operands[0] ?? '', context, flagSet(flags, 'quiet') ? 'quiet' : 'pull')) === null ? 1 : 0;
}

export const pushCommand: Subcommand = { usage: pushUsage, summary: pushSummary, run: push };
export const pullCommand: Subcommand = { usage: pullUsage, summary: pullSummary, run: pull };
