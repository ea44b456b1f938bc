import { shortId } from '../digest.ts';
import { parseReference, ReferenceError } from '../reference.ts';
import type { StoredImage } from '../store/state.ts';
import { humanSize } from '../units.ts';
import { flagSet, parseFlags, UsageError, type FlagSpec } from './flags.ts';
import { missingImageMessage } from './images.ts';
import type { CliContext, Subcommand } from './types.ts';
import { argumentCountError, flagError } from './usage.ts';

/** Normalise a user-typed tag to the familiar form the store keeps (`heart-model` → `heart-model:latest`). */
export function familiarTag(text: string): string {
  const reference = parseReference(text);
  const name = reference.domain === 'docker.io' ? reference.path.replace(/^library\//, '') : `${reference.domain}/${reference.path}`;
  return `${name}:${reference.tag ?? 'latest'}`;
}

const tagUsage = 'docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]';
const tagSummary = 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE';

/** Run `docker tag SOURCE TARGET`: point TARGET at the image SOURCE names (moving it if it existed). */
async function tag(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, [{ name: 'help', kind: 'bool' }]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'tag', tagUsage, error.message);
  }
  if (flags.operands.length !== 2) return argumentCountError(context.io, context.commandPath ?? 'tag', tagUsage, { exactly: 2 });
  const [source = '', target = ''] = flags.operands;

  // The API client checks the source, then the target, before it calls the daemon.
  let targetTag: string;
  let checking = source;
  try {
    parseReference(source);
    checking = target;
    targetTag = familiarTag(target);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    context.io.stderr(`Error parsing reference: "${checking}" is not a valid repository/tag: ${error.message}\n`);
    return 1;
  }
  const image = context.store.find(source);
  if (image === null) {
    context.io.stderr(`${missingImageMessage(source)}\n`);
    return 1;
  }
  context.store.tag(image.id, targetTag, context.now());
  return 0;
}

/** Remove an image from the store, printing Docker's `Deleted:` line. */
function deleteImage(context: CliContext, image: StoredImage, lines: string[]): void {
  for (const digest of image.repoDigests) lines.push(`Untagged: ${digest}`);
  delete context.store.state.images[image.id];
  lines.push(`Deleted: ${image.id}`);
}

const rmiSpecs: FlagSpec[] = [
  { name: 'force', short: 'f', kind: 'bool' },
  { name: 'no-prune', kind: 'bool' },
  { name: 'help', kind: 'bool' },
];
const rmiUsage = 'docker image rm [OPTIONS] IMAGE [IMAGE...]';
const rmiSummary = 'Remove one or more images';

/** Run `docker rmi`: untag by name; delete when the last tag goes or when removed by ID. */
async function rmi(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, rmiSpecs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'rmi', rmiUsage, error.message);
  }
  if (flags.operands.length === 0) return argumentCountError(context.io, context.commandPath ?? 'rmi', rmiUsage, { atLeast: 1 });
  const force = flagSet(flags, 'force');
  let status = 0;
  for (const reference of flags.operands) {
    const image = context.store.find(reference);
    if (image === null) {
      context.io.stderr(`${missingImageMessage(reference)}\n`);
      status = 1;
      continue;
    }
    const lines: string[] = [];
    const byName = context.store.findByName(reference) !== null;
    if (byName) {
      const name = familiarTag(reference);
      image.repoTags = image.repoTags.filter((candidate) => candidate !== name);
      lines.push(`Untagged: ${name}`);
      if (image.repoTags.length === 0) deleteImage(context, image, lines);
    } else if (image.repoTags.length > 1 && !force) {
      context.io.stderr(`Error response from daemon: conflict: unable to delete ${shortId(image.id)} (must be forced) - image is referenced in multiple repositories\n`);
      status = 1;
      continue;
    } else {
      for (const name of image.repoTags) lines.push(`Untagged: ${name}`);
      image.repoTags = [];
      deleteImage(context, image, lines);
    }
    context.io.stdout(`${lines.join('\n')}\n`);
  }
  return status;
}

const pruneUsage = 'docker image prune [OPTIONS]';
const pruneSummary = 'Remove unused images';

/** Run `docker image prune`: dangling images, or with -a every image (the lab has no containers using them). */
async function prune(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, [{ name: 'all', short: 'a', kind: 'bool' }, { name: 'force', short: 'f', kind: 'bool' }, { name: 'filter', kind: 'list' }, { name: 'help', kind: 'bool' }]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'image prune', pruneUsage, error.message);
  }
  const all = flagSet(flags, 'all');
  if (!flagSet(flags, 'force')) {
    context.io.stdout(all ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] \n' : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] \n');
    return 0;
  }
  const victims = Object.values(context.store.state.images).filter((image) => all || image.repoTags.length === 0);
  const lines: string[] = [];
  let reclaimed = 0;
  for (const image of victims) {
    for (const name of image.repoTags) lines.push(`untagged: ${name}`);
    for (const digest of image.repoDigests) lines.push(`untagged: ${digest}`);
    lines.push(`deleted: ${image.id}`);
    reclaimed += context.store.sizeOf(image);
    delete context.store.state.images[image.id];
  }
  context.io.stdout(`${lines.length > 0 ? `Deleted Images:\n${lines.join('\n')}\n\n` : ''}Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}

export const tagCommand: Subcommand = { usage: tagUsage, summary: tagSummary, run: tag };
export const rmiCommand: Subcommand = { usage: rmiUsage, summary: rmiSummary, run: rmi };
export const pruneCommand: Subcommand = { usage: pruneUsage, summary: pruneSummary, run: prune };
