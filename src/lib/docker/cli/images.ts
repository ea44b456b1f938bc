import { shortId } from '../digest.ts';
import { goJson } from '../image/gojson.ts';
import { parseReference, ReferenceError } from '../reference.ts';
import { historyRows, inspectObject } from '../store/reader.ts';
import type { StoredImage } from '../store/state.ts';
import { humanAge, humanSize, rfc3339 } from '../units.ts';
import { flagSet, flagValue, parseFlags, UsageError, type FlagSpec } from './flags.ts';
import { renderTemplate } from './template.ts';
import type { CliContext, Subcommand } from './types.ts';
import { argumentCountError, flagError } from './usage.ts';

/**
 * Render rows as the Docker CLI's tables (Go tabwriter with minimum width 10
 * and padding 3): each column is as wide as its widest cell plus 3 spaces,
 * and at least 10 characters.
 */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length + 3, 10)));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('').trimEnd()).join('\n') + '\n';
}

/** Split a familiar tag into repository and tag (`localhost:5000/x:1.0` → `localhost:5000/x`, `1.0`). */
function splitTag(tag: string): [string, string] {
  const cut = tag.lastIndexOf(':');
  return cut > tag.lastIndexOf('/') ? [tag.slice(0, cut), tag.slice(cut + 1)] : [tag, 'latest'];
}

/** Column headers the Docker CLI prints for each field of `docker images --format 'table ...'`. */
const imageColumnHeaders: Record<string, string> = {
  Containers: 'CONTAINERS',
  CreatedAt: 'CREATED AT',
  CreatedSince: 'CREATED',
  Digest: 'DIGEST',
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  SharedSize: 'SHARED SIZE',
  Size: 'SIZE',
  Tag: 'TAG',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'VIRTUAL SIZE',
};

const imagesSpecs: FlagSpec[] = [
  { name: 'all', short: 'a', kind: 'bool' },
  { name: 'digests', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'format', kind: 'string' },
  { name: 'no-trunc', kind: 'bool' },
  { name: 'filter', short: 'f', kind: 'list' },
  { name: 'help', kind: 'bool' },
  { name: 'tree', kind: 'bool' },
];

const imagesUsage = 'docker images [OPTIONS] [REPOSITORY[:TAG]]';
const imagesSummary = 'List images';

/**
 * Compile a `reference=` filter as Go's path.Match reads it: `*` and `?` stop
 * at `/`. Docker matches it against `name:tag` and against the bare name.
 */
function globPattern(glob: string): RegExp {
  let body = '';
  for (const char of glob) {
    if (char === '*') body += '[^/]*';
    else if (char === '?') body += '[^/]';
    else body += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${body}$`);
}

/** Run `docker images` / `docker image ls`: one row per tag, dangling images as `<none>`. */
async function images(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, imagesSpecs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'images', imagesUsage, error.message);
  }
  if (flags.operands.length > 1) return argumentCountError(context.io, context.commandPath ?? 'images', imagesUsage, { atMost: 1 });
  const now = context.now();
  const filterRepo = flags.operands[0];
  const filters = flags.values.get('filter') ?? [];
  const danglingOnly = filters.includes('dangling=true');
  const hideDangling = filters.includes('dangling=false');
  const referencePatterns = filters.filter((filter) => filter.startsWith('reference=')).map((filter) => globPattern(filter.slice('reference='.length)));
  const rows: Array<{ image: StoredImage; repository: string; tag: string; digest: string }> = [];
  const sorted = Object.values(context.store.state.images).sort((a, b) => (context.store.configOf(b).created > context.store.configOf(a).created ? 1 : -1));
  for (const image of sorted) {
    if (image.repoTags.length === 0) {
      if (hideDangling || referencePatterns.length > 0) continue;
      const [repository = '<none>', digest = '<none>'] = image.repoDigests[0]?.split('@') ?? [];
      // An untagged image that came from a registry still lists under its repository, as `<none>`.
      if (filterRepo !== undefined && (image.repoDigests.length === 0 || repository !== filterRepo || filterRepo.includes(':'))) continue;
      rows.push({ image, repository: image.repoDigests.length > 0 ? repository : '<none>', tag: '<none>', digest: image.repoDigests.length > 0 ? digest : '<none>' });
      continue;
    }
    if (danglingOnly) continue;
    for (const tag of image.repoTags) {
      const [repository, tagName] = splitTag(tag);
      if (filterRepo !== undefined) {
        const [wantRepo, wantTag] = filterRepo.includes(':') ? splitTag(filterRepo) : [filterRepo, undefined];
        if (repository !== wantRepo || (wantTag !== undefined && tagName !== wantTag)) continue;
      }
      if (referencePatterns.length > 0 && !referencePatterns.some((pattern) => pattern.test(tag) || pattern.test(repository))) continue;
      const digest = image.repoDigests.find((entry) => entry.startsWith(`${repository}@`))?.split('@')[1] ?? '<none>';
      rows.push({ image, repository, tag: tagName, digest });
    }
  }
  const idOf = (image: StoredImage) => (flagSet(flags, 'no-trunc') ? image.id : shortId(image.id));

  if (flagSet(flags, 'quiet')) {
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.image.id)) continue;
      seen.add(row.image.id);
      context.io.stdout(`${idOf(row.image)}\n`);
    }
    return 0;
  }
  const format = flagValue(flags, 'format');
  const customTable = format?.startsWith('table ') === true;
  if (format === 'json' || customTable || (format !== undefined && format !== 'table')) {
    const lines: string[][] = [];
    if (customTable) lines.push(renderTemplate(format?.slice('table '.length) ?? '', imageColumnHeaders).split('\t'));
    for (const row of rows) {
      const created = new Date(context.store.configOf(row.image).created);
      const object = {
        Containers: 'N/A',
        CreatedAt: `${created.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} +0000 UTC`,
        CreatedSince: humanAge(created, now),
        Digest: row.digest,
        ID: idOf(row.image),
        Repository: row.repository,
        SharedSize: 'N/A',
        Size: humanSize(context.store.sizeOf(row.image)),
        Tag: row.tag,
        UniqueSize: 'N/A',
        VirtualSize: humanSize(context.store.sizeOf(row.image)),
      };
      if (customTable) lines.push(renderTemplate(format?.slice('table '.length) ?? '', object).split('\t'));
      else context.io.stdout(`${format === 'json' ? goJson(object) : renderTemplate(format ?? '', object)}\n`);
    }
    if (customTable) context.io.stdout(table(lines));
    return 0;
  }
  const digests = flagSet(flags, 'digests');
  const header = digests ? ['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE'] : ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
  const body = rows.map((row) => {
    const cells = [row.repository, row.tag, idOf(row.image), humanAge(new Date(context.store.configOf(row.image).created), now), humanSize(context.store.sizeOf(row.image))];
    if (digests) cells.splice(2, 0, row.digest);
    return cells;
  });
  context.io.stdout(table([header, ...body]));
  return 0;
}

const historySpecs: FlagSpec[] = [
  { name: 'no-trunc', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'human', short: 'H', kind: 'bool' },
  { name: 'format', kind: 'string' },
  { name: 'help', kind: 'bool' },
];

const historyUsage = 'docker image history [OPTIONS] IMAGE';
const historySummary = 'Show the history of an image';

/** Cut text to `width` characters with `…`, as the CLI's Ellipsis does. */
function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** Run `docker history IMAGE`. */
async function history(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, historySpecs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, context.commandPath ?? 'history', historyUsage, error.message);
  }
  if (flags.operands.length !== 1) return argumentCountError(context.io, context.commandPath ?? 'history', historyUsage, { exactly: 1 });
  const reference = flags.operands[0] ?? '';
  const image = context.store.find(reference);
  if (image === null) {
    context.io.stderr(`${missingImageMessage(reference)}\n`);
    return 1;
  }

  const rows = historyRows(context.store, image);
  const noTrunc = flagSet(flags, 'no-trunc');
  if (flagSet(flags, 'quiet')) {
    for (const row of rows) context.io.stdout(`${row.id === '<missing>' ? row.id : noTrunc ? row.id : shortId(row.id)}\n`);
    return 0;
  }
  const now = context.now();

  // With -H=false the CLI's history formatter prints RFC 3339 times and sizes in bytes.
  const human = flags.values.get('human') === undefined || flagSet(flags, 'human');
  const createdText = (created: string) => (human ? humanAge(new Date(created), now) : rfc3339(new Date(created)));
  const sizeText = (size: number) => (human ? humanSize(size) : String(size));

  const format = flagValue(flags, 'format');
  if (format !== undefined && format !== 'table') {
    for (const row of rows) {
      const object = {
        ID: row.id === '<missing>' || noTrunc ? row.id : shortId(row.id),
        CreatedSince: createdText(row.created),
        CreatedAt: row.created,
        CreatedBy: noTrunc ? row.createdBy : ellipsis(row.createdBy.replace(/\s+/g, ' '), 45),
        Size: sizeText(row.size),
        Comment: row.comment,
      };
      context.io.stdout(`${format === 'json' ? goJson(object) : renderTemplate(format, object)}\n`);
    }
    return 0;
  }
  const body = rows.map((row) => [
    row.id === '<missing>' || noTrunc ? row.id : shortId(row.id),
    createdText(row.created),
    noTrunc ? row.createdBy : ellipsis(row.createdBy.replace(/\s+/g, ' '), 45),
    sizeText(row.size),
    row.comment,
  ]);
  context.io.stdout(table([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...body]));
  return 0;
}

/**
 * Format the daemon's error for an image it cannot find. The daemon parses the
 * name first, so an invalid one (`BAD`) fails with the parse error, and a
 * name without a tag is shown with `:latest`.
 */
export function missingImageMessage(text: string): string {
  let reference;
  try {
    reference = parseReference(text);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return `Error response from daemon: ${error.message}`;
  }
  const withTag = reference.tag === null && reference.digest === null && !/^[a-f0-9]{12,64}$/.test(text) ? `${text}:latest` : text;
  return `Error response from daemon: No such image: ${withTag}`;
}

const inspectSpecs: FlagSpec[] = [
  { name: 'format', short: 'f', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'size', short: 's', kind: 'bool' },
  { name: 'help', kind: 'bool' },
];

const inspectUsage = 'docker image inspect [OPTIONS] IMAGE [IMAGE...]';
const inspectSummary = 'Display detailed information on one or more images';
const inspectAnyUsage = 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]';

/** Run `docker image inspect`, or `docker inspect` when `anyObject` (whose missing-object error differs). */
async function inspect(args: string[], context: CliContext, anyObject = false): Promise<number> {
  const commandPath = context.commandPath ?? (anyObject ? 'inspect' : 'image inspect');
  const usage = anyObject ? inspectAnyUsage : inspectUsage;
  let flags;
  try {
    flags = parseFlags(args, inspectSpecs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return flagError(context.io, commandPath, usage, error.message);
  }
  if (flags.operands.length === 0) return argumentCountError(context.io, commandPath, usage, { atLeast: 1 });
  const format = flagValue(flags, 'format');
  const objects: Record<string, unknown>[] = [];
  const errors: string[] = [];
  let status = 0;
  for (const reference of flags.operands) {
    const image = context.store.find(reference);
    if (image === null) {
      errors.push(anyObject ? `Error: No such object: ${reference}` : missingImageMessage(reference));
      status = 1;
      continue;
    }
    objects.push(inspectObject(context.store, image));
  }
  if (format !== undefined) {
    for (const object of objects) {
      try {
        context.io.stdout(`${renderTemplate(format, object)}\n`);
      } catch (error) {
        context.io.stderr(`${(error as Error).message}\n`);
        return 1;
      }
    }
  } else {
    context.io.stdout(`${JSON.stringify(objects, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`);
  }
  for (const error of errors) context.io.stderr(`${error}\n`);
  return status;
}

export const imagesCommand: Subcommand = { usage: imagesUsage, summary: imagesSummary, run: images };
export const historyCommand: Subcommand = { usage: historyUsage, summary: historySummary, run: history };
export const imageInspectCommand: Subcommand = { usage: inspectUsage, summary: inspectSummary, run: (args, context) => inspect(args, context) };
export const inspectCommand: Subcommand = { usage: inspectAnyUsage, summary: 'Return low-level information on Docker objects', run: (args, context) => inspect(args, context, true) };
