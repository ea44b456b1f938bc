import type { CopyInstruction } from '../ast.ts';
import { resolveCatalog } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { catalogFilesystem } from '../image/base-filesystem.ts';
import { readTar } from '../image/tar-read.ts';
import { expandWord } from '../parser/index.ts';
import { formatFull, parseReference } from '../reference.ts';
import { resolvePath } from '../../vfs/path.ts';
import { missingImageDetail } from './bases.ts';
import { collectSources, contentChecksum, writeCopied, type CopiedFile, type CopySource } from './copy.ts';
import { BuildFailure } from './errors.ts';
import { variablesOf, type StageState } from './stage.ts';
import { cachedStep, encoder, expand, failStep, resolveUser, titleOf, type StepServices } from './step-support.ts';

/** Turn `COPY <<EOF dest` heredocs into files named after their delimiter, expanded unless the delimiter was quoted. */
function heredocFiles(instruction: CopyInstruction, inline: string[], state: StageState, services: StepServices, owner: { uid: number; gid: number } | null, chmod: number | null): Array<{ relative: string; files: CopiedFile[]; isDirectory: boolean }> {
  const groups: Array<{ relative: string; files: CopiedFile[]; isDirectory: boolean }> = [];
  for (const word of inline) {
    const delimiter = word.replace(/^<<-?/, '').replace(/^["']|["']$/g, '');
    const heredoc = instruction.heredocs.find((candidate) => candidate.delimiter === delimiter);
    if (heredoc === undefined) continue;
    const text = heredoc.quoted ? heredoc.content : expandWord(heredoc.content, variablesOf(state), services.dockerfile.escapeToken);
    const data = encoder.encode(text);
    const digest = sha256Digest(data);
    groups.push({ relative: delimiter, isDirectory: false, files: [{ target: delimiter, data, node: { type: 'file', mode: chmod ?? 0o644, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0, size: data.length, digest } }] });
  }
  return groups;
}

type SourceGroup = { relative: string; files: CopiedFile[]; isDirectory: boolean };

/** Replace a local tar archive that ADD names with the files inside it, as ADD unpacks into the destination folder. */
function extractArchive(group: SourceGroup, owner: { uid: number; gid: number } | null): SourceGroup {
  const [file] = group.files;
  if (group.isDirectory || group.files.length !== 1 || file?.data === undefined) return group;
  const entries = readTar(file.data);
  if (entries === null) return group;
  const files: CopiedFile[] = entries.map((entry) => ({
    target: entry.name.replace(/^\.?\//, ''),
    data: entry.type === 'file' ? entry.data : undefined,
    node: {
      type: entry.type,
      mode: entry.mode,
      uid: owner?.uid ?? 0,
      gid: owner?.gid ?? 0,
      size: entry.data.length,
      digest: entry.type === 'file' ? sha256Digest(entry.data) : undefined,
      linkTarget: entry.linkTarget,
    },
  }));
  return { relative: group.relative, files, isDirectory: true };
}

/** Run COPY or ADD, printing failures that happen before the copy (missing source, unknown user) as a failed step. */
export async function copyStep(instruction: CopyInstruction, state: StageState, services: StepServices): Promise<number> {
  try {
    return await copyOrAdd(instruction, state, services);
  } catch (error) {
    if (!(error instanceof BuildFailure) || error.step !== null) throw error;
    return failStep(state, services, instruction, error);
  }
}

/** Copy from the context, an earlier stage or an image. */
async function copyOrAdd(instruction: CopyInstruction, state: StageState, services: StepServices): Promise<number> {
  const sources = instruction.sources.map((word) => expand(state, services, word.value));
  const destinationText = expand(state, services, instruction.destination.value);
  const destination = resolvePath(state.config.WorkingDir || '/', destinationText);
  const destinationIsDirectory = destinationText.endsWith('/') || destinationText === '.';
  const chmod = instruction.chmod === undefined ? null : Number.parseInt(instruction.chmod, 8);

  let owner: { uid: number; gid: number } | null = null;
  if (instruction.chown !== undefined) {
    const chown = expand(state, services, instruction.chown);
    const account = await resolveUser(state, services, chown);
    if (account === null) {
      const name = chown.split(':')[0] ?? chown;
      const message = `unable to convert uid/gid chown string to host mapping: can't find uid for user ${name}: no such user: ${name}`;
      throw new BuildFailure(`failed to compute cache key: ${message}`, { vertexMessage: message, range: instruction.range });
    }
    owner = account;
  }

  let source: CopySource = { kind: 'context', context: services.context };
  let fromKey = 'context';
  if (instruction.from !== undefined) {
    const fromText = expand(state, services, instruction.from);
    const index = services.stageIndexOf(fromText);
    const stage = index >= 0 ? services.finished.get(index) : undefined;
    if (stage !== undefined) {
      source = { kind: 'filesystem', fs: stage.fs, readBlob: (digest) => services.store.blobInMemory(digest) };
      fromKey = stage.cacheKey;
    } else {
      const reference = parseReference(fromText);
      const found = resolveCatalog(reference, services.store.state.epoch);
      if (found === null) {
        const full = formatFull(reference.tag === null && reference.digest === null ? { ...reference, tag: 'latest' } : reference);
        throw new BuildFailure(`${fromText}: failed to resolve source metadata for ${full}: ${missingImageDetail(reference, full)}`, { range: instruction.range });
      }
      const fs = catalogFilesystem(found.key, found.image, (digest, data) => services.store.putBlob(digest, data));
      source = { kind: 'filesystem', fs, readBlob: (digest) => services.store.blobInMemory(digest) };
      fromKey = found.manifestDigest;
    }
  }

  // NOTE: ADD extracts local tar and tar.gz archives; xz and bzip2 archives are copied as files.
  const remote = instruction.kind === 'add' ? sources.filter((item) => /^https?:\/\//.test(item)) : [];
  const inline = instruction.sources.map((word) => word.value).filter((value) => value.startsWith('<<'));
  const local = sources.filter((item) => !remote.includes(item) && !item.startsWith('<<') && !inline.includes(item));
  const collected = local.length > 0 ? collectSources(instruction, local, source, owner, chmod) : [];
  const groups = instruction.kind === 'add' && source.kind === 'context' ? collected.map((group) => extractArchive(group, owner)) : collected;
  groups.push(...heredocFiles(instruction, inline, state, services, owner, chmod));
  const flags = instruction.flags.map((flag) => `--${flag.name}${flag.value === null ? '' : `=${flag.value}`}`);
  const text = [...flags, ...sources, destinationText].join(' ');
  const cacheInput = JSON.stringify({ copy: instruction.kind, text, from: fromKey, checksum: contentChecksum(groups), owner, chmod });
  return cachedStep(state, services, { title: titleOf(instruction), instruction: `${instruction.keyword} ${text}`, cacheInput, history: `${instruction.keyword} ${text} # buildkit`, range: instruction.range }, async () => {
    writeCopied(state.fs, groups, destination, destinationIsDirectory || sources.length > 1, (digest, data) => services.store.putBlob(digest, data));
    const logs: Array<{ at: number; text: string }> = [];
    for (const url of remote) {
      const name = url.split('/').pop() || 'download';
      const target = destinationIsDirectory || state.fs.isDirectory(destination) ? resolvePath(destination, name) : destination;
      state.fs.ensureParents(target);
      state.fs.put(target, { type: 'file', mode: 0o600, uid: 0, gid: 0, size: 1_000_000, synthetic: true, digest: sha256Digest(url) });
      logs.push({ at: 0.3, text: `simulated: download of ${url} was not run; Slipway assumed a 1 MB file` });
    }
    const bytes = groups.reduce((sum, group) => sum + group.files.reduce((total, file) => total + file.node.size, 0), 0);
    return { logs, exitCode: 0, elapsed: 0.02 + bytes / 100_000_000 };
  });
}
