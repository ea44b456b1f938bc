import { seededFraction } from '../digest.ts';
import { humanSize } from '../units.ts';
import { flagSet, parseFlags, UsageError } from './flags.ts';
import type { CliContext, Subcommand } from './types.ts';
import { flagError } from './usage.ts';

const usage = 'docker buildx prune';
const summary = 'Remove build cache';

/** Return the 25-character id BuildKit shows for a cache record. */
function cacheRecordId(key: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let index = 0; index < 25; index += 1) id += alphabet[Math.floor(seededFraction(`${key}${index}`) * alphabet.length)];
  return id;
}

/**
 * Run `docker builder prune`: drop the build cache, so the next build runs
 * every step again. Layers that images still use are kept and count as not
 * reclaimed; without -a only records no image uses are removed.
 */
async function prune(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, [{ name: 'all', short: 'a', kind: 'bool' }, { name: 'force', short: 'f', kind: 'bool' }, { name: 'filter', kind: 'list' }, { name: 'help', kind: 'bool' }]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, 'buildx prune', usage, error.message);
  }
  const all = flagSet(flags, 'all');
  if (!flagSet(flags, 'force')) {
    context.io.stdout(`WARNING! This will remove all ${all ? '' : 'dangling '}build cache.\nAre you sure you want to continue? [y/N] \n`);
    return 0;
  }

  const usedByImages = new Set<string>();
  for (const image of Object.values(context.store.state.images)) {
    for (const diffId of context.store.configOf(image).rootfs.diff_ids) usedByImages.add(diffId);
  }
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const [key, record] of Object.entries(context.store.state.cache)) {
    const used = record.diffId !== null && usedByImages.has(record.diffId);
    if (used && !all) continue;
    deleted.push(cacheRecordId(key));
    if (record.diffId !== null && !used) reclaimed += context.store.state.layers[record.diffId]?.size ?? 0;
    delete context.store.state.cache[key];
  }
  context.io.stdout(`${deleted.length > 0 ? `Deleted build cache objects:\n${deleted.join('\n')}\n\n` : ''}Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}

export const builderPruneCommand: Subcommand = { usage, summary, run: prune };
