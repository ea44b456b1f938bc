import type { Dockerfile, Instruction } from '../ast.ts';
import { sha256Digest } from '../digest.ts';
import type { ImageFilesystem } from '../image/filesystem.ts';
import { buildLayer } from '../image/layer.ts';
import { expandWord } from '../parser/index.ts';
import type { ImageStore } from '../store/store.ts';
import type { BuildStepRecord } from '../store/state.ts';
import type { BuildContext } from './context.ts';
import { BuildFailure } from './errors.ts';
import type { PlainProgress } from './progress.ts';
import { variablesOf, type StageState } from './stage.ts';

/** Services and state the step handlers share during one build. */
export type StepServices = {
  store: ImageStore;
  context: BuildContext;
  dockerfile: Dockerfile;
  progress: PlainProgress;
  now: Date;
  noCache: boolean;
  buildArgs: Record<string, string>;
  globalArgs: Map<string, string>;
  finished: Map<number, StageState>;
  stageIndexOf: (name: string) => number;
  steps: BuildStepRecord[];
};

export const buildkitComment = 'buildkit.dockerfile.v0';
export const decoder = new TextDecoder();
export const encoder = new TextEncoder();

/** Return the instruction as BuildKit titles it: keyword upper-cased, the rest as written. */
export function titleOf(instruction: Instruction): string {
  return `${instruction.keyword}${instruction.original.slice(instruction.keywordAsWritten.length)}`;
}

/** Expand a word with the stage's variables. */
export function expand(state: StageState, services: StepServices, word: string): string {
  return expandWord(word, variablesOf(state), services.dockerfile.escapeToken);
}

/** Record a metadata-only instruction in the history (no layer, no progress vertex, no effect on later cache keys). */
export function metadataRow(state: StageState, services: StepServices, createdBy: string): number {
  // BuildKit dates every row of a build with the build time. The time is kept in the cache under the
  // parent key and the row text, so a fully cached rebuild writes the same config and keeps its image ID.
  const key = sha256Digest(`${state.cacheKey}\nmetadata ${createdBy}`);
  let record = services.noCache ? undefined : services.store.state.cache[key];
  if (record === undefined) {
    record = { diffId: null, created: services.now.toISOString().replace(/\.\d{3}Z$/, 'Z'), logs: [] };
    services.store.state.cache[key] = record;
  }
  state.history.push({ created: record.created, created_by: createdBy, comment: buildkitComment, empty_layer: true });
  if (record.created > state.lastCreated) state.lastCreated = record.created;
  return 0;
}

/**
 * Print a step that fails before it can run (COPY of a missing source, an
 * unknown --chown user) the way BuildKit does, and rethrow with the step.
 */
export function failStep(state: StageState, services: StepServices, instruction: Instruction, failure: BuildFailure): never {
  state.stepNumber += 1;
  const title = `[${state.label}${state.stepNumber}/${state.totalSteps}] ${titleOf(instruction)}`;
  const vertex = services.progress.start(title);
  services.progress.error(vertex, failure.vertexMessage);
  services.steps.push({ title, cached: false, instruction: titleOf(instruction) });
  throw new BuildFailure(failure.summary, { vertexMessage: failure.vertexMessage, range: instruction.range, step: { title, logs: [] } });
}

export type StepRun = { logs: Array<{ at: number; text: string }>; exitCode: number; failure?: string; elapsed: number };

/**
 * Run a filesystem step through the cache. The cache key hashes the parent
 * key with `cacheInput`, so after a miss every later step of the stage misses
 * too, and returning to earlier inputs finds the earlier results again.
 */
export async function cachedStep(
  state: StageState,
  services: StepServices,
  step: { title: string; instruction: string; cacheInput: string; history: string; range: Instruction['range'] },
  execute: () => Promise<StepRun>,
): Promise<number> {
  const { store, progress } = services;
  state.stepNumber += 1;
  const title = `[${state.label}${state.stepNumber}/${state.totalSteps}] ${step.title}`;
  const key = sha256Digest(`${state.cacheKey}\n${step.cacheInput}`);
  const hit = store.state.cache[key];
  const usable = hit !== undefined && (hit.diffId === null || store.state.layers[hit.diffId] !== undefined);
  const vertex = progress.start(title);

  if (!services.noCache && usable && hit !== undefined) {
    progress.cached(vertex);
    if (hit.diffId !== null) {
      const layer = store.state.layers[hit.diffId];
      if (layer?.entries) state.fs.applyLayer(layer.entries);
      state.diffIds.push(hit.diffId);
    }
    if (hit.created > state.lastCreated) state.lastCreated = hit.created;
    state.history.push({ created: hit.created, created_by: step.history, comment: buildkitComment, ...(hit.diffId === null ? { empty_layer: true } : {}) });
    state.cacheKey = key;
    services.steps.push({ title, cached: true, instruction: step.instruction });
    return 0;
  }

  const result = await execute();
  for (const line of result.logs) progress.log(vertex, line.at, line.text);
  if (result.exitCode !== 0 || result.failure !== undefined) {
    const message = result.failure ?? `process "${step.instruction}" did not complete successfully: exit code: ${result.exitCode}`;
    progress.error(vertex, message);
    services.steps.push({ title, cached: false, instruction: step.instruction });
    throw new BuildFailure(message, { range: step.range, step: { title, logs: result.logs.map((line) => `${line.at.toFixed(3)} ${line.text}`) } });
  }
  const created = new Date(services.now.getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = state.fs.takeLayer();
  let diffId: string | null = null;
  let size = 0;
  if (entries.length > 0) {
    const layer = buildLayer(entries, (digest) => store.blobInMemory(digest));
    store.putLayer(layer);
    diffId = layer.diffId;
    size = layer.size;
    state.diffIds.push(diffId);
  }

  // A step that changed no files still dates the image, as its history row does.
  if (created > state.lastCreated) state.lastCreated = created;
  progress.done(vertex, result.elapsed);
  store.state.cache[key] = { diffId, created, logs: result.logs.map((line) => line.text) };
  state.history.push({ created, created_by: step.history, comment: buildkitComment, ...(diffId === null ? { empty_layer: true } : {}) });
  state.cacheKey = key;
  services.steps.push({ title, cached: false, instruction: step.instruction });
  return size;
}

/** Find the account a USER value names in the stage's /etc/passwd. */
export async function resolveUser(state: StageState, services: StepServices, user: string): Promise<{ name: string; uid: number; gid: number; home: string } | null> {
  const [name = '', group] = user.split(':');
  const passwd = await readText(state.fs, services.store, '/etc/passwd');
  for (const line of (passwd ?? '').split('\n')) {
    const [entryName = '', , uid = '', gid = '', , home = '/'] = line.split(':');
    if (entryName === name || uid === name) return { name: entryName, uid: Number(uid), gid: group !== undefined && /^\d+$/.test(group) ? Number(group) : Number(gid), home };
  }
  if (/^\d+$/.test(name)) return { name, uid: Number(name), gid: group !== undefined && /^\d+$/.test(group) ? Number(group) : Number(name), home: '/' };
  return null;
}

/** Read a text file of the stage's filesystem through the blob store. */
export async function readText(fs: ImageFilesystem, store: ImageStore, path: string): Promise<string | undefined> {
  const node = fs.get(path);
  if (node === undefined || node.type !== 'file' || node.digest === undefined || node.synthetic === true) return undefined;
  const data = store.blobInMemory(node.digest) ?? (await store.getBlob(node.digest));
  return data === undefined ? undefined : decoder.decode(data);
}

/** Return the build args in scope that have a value, as RUN passes them (`|2 A=1 B=2`). */
export function argsInScope(state: StageState): Array<[string, string]> {
  return [...state.args].filter((entry): entry is [string, string] => entry[1] !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
}
