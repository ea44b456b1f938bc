import { quote } from 'shell-quote';
import { ExpansionError, type CopyInstruction, type Dockerfile, type EnvInstruction, type Instruction } from '../ast.ts';
import { resolveCatalog } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { catalogFilesystem } from '../image/base-filesystem.ts';
import type { ContainerConfig, HealthConfig } from '../image/config.ts';
import type { ImageFilesystem } from '../image/filesystem.ts';
import { goPlainList, goQuotedList } from '../image/gojson.ts';
import { buildLayer } from '../image/layer.ts';
import { expandWord, expandWords, WordSyntaxError } from '../parser/index.ts';
import { parseGoDuration } from '../parser/duration.ts';
import { formatFull, parseReference } from '../reference.ts';
import type { RunContext, ShellFlavor } from '../run/context.ts';
import { runScript } from '../run/interpreter.ts';
import type { ImageStore } from '../store/store.ts';
import type { BuildStepRecord } from '../store/state.ts';
import { resolvePath } from '../../vfs/path.ts';
import type { BuildContext } from './context.ts';
import { collectSources, contentChecksum, writeCopied, type CopiedFile, type CopySource } from './copy.ts';
import { BuildFailure } from './errors.ts';
import type { PlainProgress } from './progress.ts';
import { setEnv, variablesOf, type StageState } from './stage.ts';

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

const buildkitComment = 'buildkit.dockerfile.v0';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Return the instruction as BuildKit titles it: keyword upper-cased, the rest as written. */
function titleOf(instruction: Instruction): string {
  return `${instruction.keyword}${instruction.original.slice(instruction.keywordAsWritten.length)}`;
}

/** Expand a word with the stage's variables. */
function expand(state: StageState, services: StepServices, word: string): string {
  return expandWord(word, variablesOf(state), services.dockerfile.escapeToken);
}

/** Record a metadata-only instruction in the history (no layer, no progress vertex). */
function metadataRow(state: StageState, createdBy: string): number {
  state.history.push({ created: state.lastCreated, created_by: createdBy, comment: buildkitComment, empty_layer: true });
  return 0;
}

/**
 * Print a step that fails before it can run (COPY of a missing source, an
 * unknown --chown user) the way BuildKit does, and rethrow with the step.
 */
function failStep(state: StageState, services: StepServices, instruction: Instruction, failure: BuildFailure): never {
  state.stepNumber += 1;
  const title = `[${state.label}${state.stepNumber}/${state.totalSteps}] ${titleOf(instruction)}`;
  const vertex = services.progress.start(title);
  services.progress.error(vertex, failure.vertexMessage);
  services.steps.push({ title, cached: false, instruction: titleOf(instruction) });
  throw new BuildFailure(failure.summary, { vertexMessage: failure.vertexMessage, range: instruction.range, step: { title, logs: [] } });
}

type StepRun = { logs: Array<{ at: number; text: string }>; exitCode: number; failure?: string; elapsed: number };

/**
 * Run a filesystem step through the cache. The cache key hashes the parent
 * key with `cacheInput`, so after a miss every later step of the stage misses
 * too, and returning to earlier inputs finds the earlier results again.
 */
async function cachedStep(
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
      state.lastCreated = hit.created;
    }
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
    state.lastCreated = created;
  }
  progress.done(vertex, result.elapsed);
  store.state.cache[key] = { diffId, created, logs: result.logs.map((line) => line.text) };
  state.history.push({ created, created_by: step.history, comment: buildkitComment, ...(diffId === null ? { empty_layer: true } : {}) });
  state.cacheKey = key;
  services.steps.push({ title, cached: false, instruction: step.instruction });
  return size;
}

/** Find the account a USER value names in the stage's /etc/passwd. */
async function resolveUser(state: StageState, services: StepServices, user: string): Promise<{ name: string; uid: number; gid: number; home: string } | null> {
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
async function readText(fs: ImageFilesystem, store: ImageStore, path: string): Promise<string | undefined> {
  const node = fs.get(path);
  if (node === undefined || node.type !== 'file' || node.digest === undefined || node.synthetic === true) return undefined;
  const data = store.blobInMemory(node.digest) ?? (await store.getBlob(node.digest));
  return data === undefined ? undefined : decoder.decode(data);
}

/** Return the build args in scope that have a value, as RUN passes them (`|2 A=1 B=2`). */
function argsInScope(state: StageState): Array<[string, string]> {
  return [...state.args].filter((entry): entry is [string, string] => entry[1] !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
}

type Handler<K extends Instruction['kind']> = (instruction: Instruction & { kind: K }, state: StageState, services: StepServices) => Promise<number>;

/** Return the ENV/LABEL handler (one function: they differ only in where the pairs go). */
const keyValueHandler: Handler<'env' | 'label'> = async (instruction, state, services) => {
  const vars = variablesOf(state);
  const pairs = (instruction as EnvInstruction).pairs.map((pair) => [pair.key, expandWord(pair.value, vars, services.dockerfile.escapeToken)] as const);
  if (instruction.kind === 'label') {
    state.config.Labels = { ...(state.config.Labels ?? {}) };
    for (const [key, value] of pairs) state.config.Labels[expand(state, services, key)] = value;
    return metadataRow(state, `LABEL ${pairs.map(([key, value]) => `${key}=${value}`).join(' ')}`);
  }
  let env = state.config.Env ?? [];
  for (const [key, value] of pairs) env = setEnv(env, key, value);
  state.config.Env = env;
  return metadataRow(state, `ENV ${pairs.map(([key, value]) => `${key}=${value}`).join(' ')}`);
};

const handlers: { [K in Instruction['kind']]: Handler<K> } = {
  from: async () => 0,
  unknown: async (instruction) => {
    throw new BuildFailure(`unknown instruction: ${instruction.keyword}`, { range: instruction.range });
  },
  maintainer: async (instruction, state) => metadataRow(state, `MAINTAINER ${instruction.name}`),

  env: keyValueHandler,
  label: keyValueHandler,

  arg: async (instruction, state, services) => {
    const historyWords: string[] = [];
    for (const declaration of instruction.args) {
      const fallback = declaration.default === undefined ? services.globalArgs.get(declaration.name) : expand(state, services, declaration.default);
      const value = services.buildArgs[declaration.name] ?? fallback;
      state.args.set(declaration.name, value);
      historyWords.push(declaration.default === undefined ? declaration.name : `${declaration.name}=${fallback ?? ''}`);
    }
    return metadataRow(state, `ARG ${historyWords.join(' ')}`);
  },

  expose: async (instruction, state, services) => {
    const ports = instruction.ports.flatMap((word) => expandWords(word.value, variablesOf(state), services.dockerfile.escapeToken)).map((port) => (port.includes('/') ? port.toLowerCase() : `${port}/tcp`));
    state.config.ExposedPorts = { ...(state.config.ExposedPorts ?? {}) };
    for (const port of ports) state.config.ExposedPorts[port] = {};
    return metadataRow(state, `EXPOSE map[${[...new Set(ports)].sort().map((port) => `${port}:{}`).join(' ')}]`);
  },

  user: async (instruction, state, services) => {
    state.config.User = expand(state, services, instruction.user.value);
    return metadataRow(state, `USER ${state.config.User}`);
  },

  volume: async (instruction, state, services) => {
    const paths = instruction.paths.flatMap((word) => (instruction.form === 'exec' ? [word.value] : expandWords(word.value, variablesOf(state), services.dockerfile.escapeToken)));
    state.config.Volumes = { ...(state.config.Volumes ?? {}) };
    for (const path of paths) state.config.Volumes[path] = {};
    return metadataRow(state, `VOLUME ${goPlainList(paths)}`);
  },

  stopsignal: async (instruction, state, services) => {
    state.config.StopSignal = expand(state, services, instruction.signal.value);
    return metadataRow(state, `STOPSIGNAL ${state.config.StopSignal}`);
  },

  shell: async (instruction, state) => {
    state.config.Shell = instruction.args;
    return metadataRow(state, `SHELL ${goPlainList(instruction.args)}`);
  },

  cmd: async (instruction, state) => {
    const shell = state.config.Shell ?? ['/bin/sh', '-c'];
    state.config.Cmd = instruction.form === 'exec' ? instruction.args : [...shell, instruction.command];
    if (instruction.form === 'shell') state.config.ArgsEscaped = true;
    (state as StageState & { cmdSet?: boolean }).cmdSet = true;
    return metadataRow(state, `CMD ${goQuotedList(state.config.Cmd)}`);
  },

  entrypoint: async (instruction, state) => {
    const shell = state.config.Shell ?? ['/bin/sh', '-c'];
    state.config.Entrypoint = instruction.form === 'exec' ? instruction.args : [...shell, instruction.command];
    if (instruction.form === 'shell') state.config.ArgsEscaped = true;
    // An ENTRYPOINT resets a CMD inherited from the base image, but not one set earlier in this stage.
    if ((state as StageState & { cmdSet?: boolean }).cmdSet !== true) state.config.Cmd = null;
    return metadataRow(state, `ENTRYPOINT ${goQuotedList(state.config.Entrypoint)}`);
  },

  healthcheck: async (instruction, state) => {
    if (instruction.test === 'NONE') {
      state.config.Healthcheck = { Test: ['NONE'] };
      return metadataRow(state, 'HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" \'\\x00\'}');
    }
    const test = instruction.form === 'exec' ? ['CMD', ...instruction.args] : ['CMD-SHELL', instruction.command];
    const options = instruction.options;
    const health: HealthConfig = { Test: test };
    const durations: Array<[keyof HealthConfig, string | undefined]> = [['Interval', options.interval], ['Timeout', options.timeout], ['StartPeriod', options.startPeriod], ['StartInterval', options.startInterval]];
    for (const [field, text] of durations) {
      const value = text === undefined ? undefined : parseGoDuration(text);
      if (value !== undefined) (health as Record<string, unknown>)[field] = value;
    }
    if (options.retries !== undefined) health.Retries = options.retries;
    state.config.Healthcheck = health;
    const show = (value: string | undefined) => JSON.stringify(value ?? '0s');
    const retries = `'\\x${(options.retries ?? 0).toString(16).padStart(2, '0')}'`;
    return metadataRow(state, `HEALTHCHECK &{${goQuotedList(test)} ${show(options.interval)} ${show(options.timeout)} ${show(options.startPeriod)} ${show(options.startInterval)} ${retries}}`);
  },

  onbuild: async (instruction, state) => {
    const trigger = `${instruction.trigger.keyword}${instruction.trigger.original.slice(instruction.trigger.keywordAsWritten.length)}`;
    state.config.OnBuild = [...(state.config.OnBuild ?? []), trigger];
    return metadataRow(state, `ONBUILD ${trigger}`);
  },

  workdir: async (instruction, state, services) => {
    const path = resolvePath(state.config.WorkingDir || '/', expand(state, services, instruction.path.value));
    state.config.WorkingDir = path;
    return cachedStep(state, services, { title: titleOf(instruction), instruction: `WORKDIR ${path}`, cacheInput: `WORKDIR ${path}`, history: `WORKDIR ${path}`, range: instruction.range }, async () => {
      if (!state.fs.isDirectory(path)) {
        state.fs.ensureParents(path);
        state.fs.put(path, { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
      }
      return { logs: [], exitCode: 0, elapsed: 0 };
    });
  },

  run: async (instruction, state, services) => {
    const shell = state.config.Shell ?? ['/bin/sh', '-c'];
    const heredoc = instruction.heredocs[0];
    const script = instruction.form === 'exec' ? quote(instruction.args) : heredoc !== undefined && instruction.command.trim().startsWith('<<') ? heredoc.content : instruction.command;
    const argv = instruction.form === 'exec' ? instruction.args : [...shell, instruction.form === 'shell' ? instruction.command : ''];
    const args = argsInScope(state);
    const argPrefix = args.length > 0 ? `|${args.length} ${args.map(([name, value]) => `${name}=${value}`).join(' ')} ` : '';
    const env = variablesOf(state);
    const user = state.config.User ?? '';
    const mountFlags = instruction.flags.filter((flag) => flag.name !== 'mount' || !(flag.value ?? '').includes('type=cache')).map((flag) => `${flag.name}=${flag.value ?? ''}`);
    const cacheInput = JSON.stringify({ run: argv, env: state.config.Env ?? [], args, user, cwd: state.config.WorkingDir ?? '/', flags: mountFlags });
    const processText = argv.join(' ');
    return cachedStep(state, services, { title: titleOf(instruction), instruction: processText, cacheInput, history: `RUN ${argPrefix}${processText} # buildkit`, range: instruction.range }, async () => {
      const account = user === '' ? { name: 'root', uid: 0, gid: 0, home: '/root' } : await resolveUser(state, services, user);
      if (account === null) return { logs: [], exitCode: 1, failure: `unable to find user ${user.split(':')[0]}: no matching entries in passwd file`, elapsed: 0 };
      if (!env.has('HOME')) env.set('HOME', account.home);
      let flavor: ShellFlavor = state.base?.os === 'alpine' ? 'ash' : 'dash';
      if ((shell[0] ?? '').endsWith('bash')) flavor = 'bash';
      if (flavor === 'bash' && !state.fs.exists('/bin/bash')) {
        return { logs: [], exitCode: 1, failure: `failed to solve: process "${processText}" did not complete successfully: runc run failed: unable to start container process: exec: "${shell[0]}": stat ${shell[0]}: no such file or directory`, elapsed: 0 };
      }
      const context: RunContext = {
        fs: state.fs,
        os: state.base?.os ?? 'debian',
        shell: flavor,
        env,
        cwd: state.config.WorkingDir || '/',
        user: account,
        python: state.base?.tools.python,
        node: state.base?.tools.node,
        output: [],
        elapsed: 0.1,
        options: { errexit: false, pipefail: false, xtrace: false },
        readText: (path) => readText(state.fs, services.store, path),
        writeText: (path, text, mode) => {
          const data = encoder.encode(text);
          const digest = sha256Digest(data);
          services.store.putBlob(digest, data);
          const existing = state.fs.get(path);
          state.fs.put(path, { type: 'file', mode: mode ?? existing?.mode ?? 0o644, uid: existing?.uid ?? account.uid, gid: existing?.gid ?? account.gid, size: data.length, digest });
        },
      };
      const mounts = instruction.flags.filter((flag) => flag.name === 'mount' && flag.value !== null).map((flag) => parseMount(flag.value ?? ''));
      prepareMounts(mounts, state, services);
      const exitCode = await runScript(script, context);
      // What a RUN writes into a cache, secret or bind mount stays out of the layer.
      for (const mount of mounts) state.fs.discardUnder(mount.target);
      return { logs: context.output, exitCode, elapsed: context.elapsed + 0.05 };
    });
  },

  copy: async (instruction, state, services) => copyStep(instruction as CopyInstruction, state, services),
  add: async (instruction, state, services) => copyStep(instruction as CopyInstruction, state, services),
};

/** A `RUN --mount=...` option: where it appears and what it holds. */
type Mount = { type: 'cache' | 'secret' | 'bind' | 'tmpfs' | 'ssh'; target: string; source: string | null };

/** Parse `type=cache,target=/root/.cache/pip` (and `id=`, `source=`, `dst=` spellings). */
function parseMount(text: string): Mount {
  const fields = new Map(text.split(',').map((field) => {
    const cut = field.indexOf('=');
    return cut < 0 ? [field, 'true'] : [field.slice(0, cut), field.slice(cut + 1)];
  }));
  const type = (fields.get('type') ?? 'bind') as Mount['type'];
  const id = fields.get('id');
  const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? (type === 'secret' ? `/run/secrets/${id ?? ''}` : '/mnt');
  return { type, target, source: fields.get('source') ?? fields.get('src') ?? null };
}

/** Make mounts visible to the RUN: secret files, bind-mounted context files and empty cache folders. */
function prepareMounts(mounts: Mount[], state: StageState, services: StepServices): void {
  for (const mount of mounts) {
    state.fs.ensureParents(mount.target);
    if (mount.type === 'secret') {
      // NOTE: the lab has no `--secret` flag, so a secret mount contains placeholder text.
      const data = encoder.encode('simulated secret\n');
      const digest = sha256Digest(data);
      services.store.putBlob(digest, data);
      state.fs.put(mount.target, { type: 'file', mode: 0o400, uid: 0, gid: 0, size: data.length, digest });
      continue;
    }
    if (mount.type === 'bind' && mount.source !== null) {
      const file = services.context.files.get(mount.source.replace(/^\/+/, ''));
      if (file !== undefined) {
        services.store.putBlob(file.digest, file.data);
        state.fs.put(mount.target, { type: 'file', mode: 0o644, uid: 0, gid: 0, size: file.size, digest: file.digest });
        continue;
      }
    }
    if (!state.fs.exists(mount.target)) state.fs.put(mount.target, { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
  }
}

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

/** Run COPY or ADD, printing failures that happen before the copy (missing source, unknown user) as a failed step. */
async function copyStep(instruction: CopyInstruction, state: StageState, services: StepServices): Promise<number> {
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
        throw new BuildFailure(`${fromText}: failed to resolve source metadata for ${full}: ${full}: not found`, { range: instruction.range });
      }
      const fs = catalogFilesystem(found.key, found.image, (digest, data) => services.store.putBlob(digest, data));
      source = { kind: 'filesystem', fs, readBlob: (digest) => services.store.blobInMemory(digest) };
      fromKey = found.manifestDigest;
    }
  }

  const remote = instruction.kind === 'add' ? sources.filter((item) => /^https?:\/\//.test(item)) : [];
  const inline = instruction.sources.map((word) => word.value).filter((value) => value.startsWith('<<'));
  const local = sources.filter((item) => !remote.includes(item) && !item.startsWith('<<') && !inline.includes(item));
  const groups = local.length > 0 ? collectSources(instruction, local, source, owner, chmod) : [];
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

/** Run one instruction of a stage; returns the bytes of the layer it added (0 for none or a cache hit). */
export async function runStep(instruction: Instruction, state: StageState, services: StepServices): Promise<number> {
  const handler = handlers[instruction.kind] as (instruction: Instruction, state: StageState, services: StepServices) => Promise<number>;
  try {
    return await handler(instruction, state, services);
  } catch (error) {
    // `${NAME:?message}` and malformed words fail the build at their instruction.
    if (error instanceof ExpansionError || error instanceof WordSyntaxError) {
      throw new BuildFailure(`failed to process "${instruction.argsText}": ${error.message}`, { range: instruction.range });
    }
    throw error;
  }
}

export type { ContainerConfig };
