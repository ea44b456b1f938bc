import { ExpansionError, type CopyInstruction, type EnvInstruction, type Instruction, type RunInstruction } from '../ast.ts';
import type { HealthConfig } from '../image/config.ts';
import { goPlainList, goQuotedList } from '../image/gojson.ts';
import { expandWord, expandWords, WordSyntaxError } from '../parser/index.ts';
import { parseGoDuration } from '../parser/duration.ts';
import { resolvePath } from '../../vfs/path.ts';
import { copyStep } from './copy-step.ts';
import { BuildFailure } from './errors.ts';
import { runInstruction } from './run-step.ts';
import { setEnv, variablesOf, type StageState } from './stage.ts';
import { cachedStep, expand, metadataRow, titleOf, type StepServices } from './step-support.ts';

export type { StepServices } from './step-support.ts';

type Handler<K extends Instruction['kind']> = (instruction: Instruction & { kind: K }, state: StageState, services: StepServices) => Promise<number>;

/** Return the ENV/LABEL handler (one function: they differ only in where the pairs go). */
const keyValueHandler: Handler<'env' | 'label'> = async (instruction, state, services) => {
  const vars = variablesOf(state);
  const pairs = (instruction as EnvInstruction).pairs.map((pair) => [pair.key, expandWord(pair.value, vars, services.dockerfile.escapeToken)] as const);
  if (instruction.kind === 'label') {
    state.config.Labels = { ...(state.config.Labels ?? {}) };
    for (const [key, value] of pairs) state.config.Labels[expand(state, services, key)] = value;
    return metadataRow(state, services, `LABEL ${pairs.map(([key, value]) => `${key}=${value}`).join(' ')}`);
  }
  let env = state.config.Env ?? [];
  for (const [key, value] of pairs) env = setEnv(env, key, value);
  state.config.Env = env;
  return metadataRow(state, services, `ENV ${pairs.map(([key, value]) => `${key}=${value}`).join(' ')}`);
};

/** Instruction handlers, one per instruction kind. */
const handlers: { [K in Instruction['kind']]: Handler<K> } = {
  from: async () => 0,
  unknown: async (instruction) => {
    throw new BuildFailure(`unknown instruction: ${instruction.keyword}`, { range: instruction.range });
  },
  maintainer: async (instruction, state, services) => metadataRow(state, services, `MAINTAINER ${instruction.name}`),

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
    return metadataRow(state, services, `ARG ${historyWords.join(' ')}`);
  },

  expose: async (instruction, state, services) => {
    const ports = instruction.ports.flatMap((word) => expandWords(word.value, variablesOf(state), services.dockerfile.escapeToken)).map((port) => (port.includes('/') ? port.toLowerCase() : `${port}/tcp`));
    state.config.ExposedPorts = { ...(state.config.ExposedPorts ?? {}) };
    for (const port of ports) state.config.ExposedPorts[port] = {};
    return metadataRow(state, services, `EXPOSE map[${[...new Set(ports)].sort().map((port) => `${port}:{}`).join(' ')}]`);
  },

  user: async (instruction, state, services) => {
    state.config.User = expand(state, services, instruction.user.value);
    return metadataRow(state, services, `USER ${state.config.User}`);
  },

  volume: async (instruction, state, services) => {
    const paths = instruction.paths.flatMap((word) => (instruction.form === 'exec' ? [word.value] : expandWords(word.value, variablesOf(state), services.dockerfile.escapeToken)));
    state.config.Volumes = { ...(state.config.Volumes ?? {}) };
    for (const path of paths) state.config.Volumes[path] = {};
    return metadataRow(state, services, `VOLUME ${goPlainList(paths)}`);
  },

  stopsignal: async (instruction, state, services) => {
    state.config.StopSignal = expand(state, services, instruction.signal.value);
    return metadataRow(state, services, `STOPSIGNAL ${state.config.StopSignal}`);
  },

  shell: async (instruction, state, services) => {
    state.config.Shell = instruction.args;
    return metadataRow(state, services, `SHELL ${goPlainList(instruction.args)}`);
  },

  cmd: async (instruction, state, services) => {
    const shell = state.config.Shell ?? ['/bin/sh', '-c'];
    state.config.Cmd = instruction.form === 'exec' ? instruction.args : [...shell, instruction.command];
    if (instruction.form === 'shell') state.config.ArgsEscaped = true;
    (state as StageState & { cmdSet?: boolean }).cmdSet = true;
    return metadataRow(state, services, `CMD ${goQuotedList(state.config.Cmd)}`);
  },

  entrypoint: async (instruction, state, services) => {
    const shell = state.config.Shell ?? ['/bin/sh', '-c'];
    state.config.Entrypoint = instruction.form === 'exec' ? instruction.args : [...shell, instruction.command];
    if (instruction.form === 'shell') state.config.ArgsEscaped = true;
    // An ENTRYPOINT resets a CMD inherited from the base image, but not one set earlier in this stage.
    if ((state as StageState & { cmdSet?: boolean }).cmdSet !== true) state.config.Cmd = null;
    return metadataRow(state, services, `ENTRYPOINT ${goQuotedList(state.config.Entrypoint)}`);
  },

  healthcheck: async (instruction, state, services) => {
    if (instruction.test === 'NONE') {
      state.config.Healthcheck = { Test: ['NONE'] };
      return metadataRow(state, services, 'HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" \'\\x00\'}');
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
    return metadataRow(state, services, `HEALTHCHECK &{${goQuotedList(test)} ${show(options.interval)} ${show(options.timeout)} ${show(options.startPeriod)} ${show(options.startInterval)} ${retries}}`);
  },

  onbuild: async (instruction, state, services) => {
    const trigger = `${instruction.trigger.keyword}${instruction.trigger.original.slice(instruction.trigger.keywordAsWritten.length)}`;
    state.config.OnBuild = [...(state.config.OnBuild ?? []), trigger];
    return metadataRow(state, services, `ONBUILD ${trigger}`);
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

  run: async (instruction, state, services) => runInstruction(instruction as RunInstruction, state, services),

  copy: async (instruction, state, services) => copyStep(instruction as CopyInstruction, state, services),
  add: async (instruction, state, services) => copyStep(instruction as CopyInstruction, state, services),
};

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

