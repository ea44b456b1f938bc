import { normalizePath, resolvePath } from '../../vfs/index.ts';
import { builtins } from './builtins/index.ts';
import { INTERRUPTED_STATUS } from './builtins/docker.ts';
import { completeLine } from './complete.ts';
import { displayWord, expandWord } from './expand.ts';
import { commandNotFoundHint } from './hints.ts';
import { LAB_HOME, LAB_HOST, LAB_USER } from './layout.ts';
import { parseLine, type Pipeline, type Redirect, type SimpleCommand } from './parse.ts';
import { canWrite } from './permissions.ts';
import { flushSink, NULL_DEVICE, openSink, routeOutput, type FileSink } from './redirect.ts';
import type { Shell, ShellIO, ShellOptions, ShellState } from './types.ts';

/** Maximum input line length in characters; a longer paste is rejected before parsing. */
export const MAX_LINE_LENGTH = 16_384;

/** Number of history entries kept; older ones are dropped first. */
export const MAX_HISTORY = 1_000;

const assignmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Remove terminal control characters a paste can carry, keeping tabs and newlines. */
function stripControlCharacters(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Expand every word of a command, variables and globs included. */
async function expandWords(state: ShellState, command: SimpleCommand): Promise<string[]> {
  const words: string[] = [];
  for (const word of command.words) words.push(...(await expandWord(word, state.env, state.fs, state.cwd)));
  return words;
}

/** Turn the parsed redirects into file sinks; returns an error line when a target expands to several words. */
async function prepareSinks(
  state: ShellState,
  redirects: Redirect[],
): Promise<{ stdout: FileSink | null; stderr: FileSink | null; stderrToStdout: boolean } | { error: string }> {
  let stdout: FileSink | null = null;
  let stderr: FileSink | null = null;
  let stderrToStdout = false;
  for (const redirect of redirects) {
    if ('toStdout' in redirect) {
      stderrToStdout = true;
      continue;
    }
    const targets = await expandWord(redirect.target, state.env, state.fs, state.cwd);
    if (targets.length !== 1 || targets[0] === '') return { error: `bash: ${displayWord(redirect.target.text)}: ambiguous redirect` };
    const display = targets[0] as string;
    const sink: FileSink = { path: resolvePath(state.cwd, display), display, append: redirect.append, chunks: [] };
    const writable = sink.path === NULL_DEVICE || canWrite(state, sink.path);
    const error = writable ? await openSink(state.fs, sink) : `bash: ${display}: Permission denied`;
    if (error !== null) return { error };
    if (redirect.fd === 1) stdout = sink;
    else stderr = sink;
  }
  return { stdout, stderr, stderrToStdout };
}

/** Run one simple command with its redirects; `stdin` is the output of the command before it in a pipeline. */
async function runCommand(state: ShellState, command: SimpleCommand, terminal: ShellIO, stdin: string | undefined, signal?: AbortSignal): Promise<number> {
  const sinks = await prepareSinks(state, command.redirects);
  if ('error' in sinks) {
    terminal.stderr(`${sinks.error}\n`);
    return 1;
  }
  const io = routeOutput(terminal, sinks.stdout, sinks.stderr, sinks.stderrToStdout);
  const words = await expandWords(state, command);

  let status: number;
  try {
    status = await dispatch(state, words, io, stdin, signal);
  } finally {
    for (const sink of [sinks.stdout, sinks.stderr]) if (sink !== null) await flushSink(state.fs, sink);
  }
  return status;
}

/**
 * Run a pipeline: each command runs after the one before it has finished and
 * reads its whole output, which is enough for built-ins that do not stream.
 * The status is the last command's, as in bash without pipefail.
 */
async function runPipeline(state: ShellState, pipeline: Pipeline, terminal: ShellIO, signal?: AbortSignal): Promise<number> {
  let stdin: string | undefined;
  let status = 0;
  for (const [position, command] of pipeline.entries()) {
    if (signal?.aborted === true) return INTERRUPTED_STATUS;
    const last = position === pipeline.length - 1;
    let captured = '';
    const io: ShellIO = last ? terminal : { stdout: (text) => (captured += text), stderr: terminal.stderr };
    status = await runCommand(state, command, io, stdin, signal);
    stdin = captured;
  }
  return status;
}

/** Find and run the command named by the first word; handles `NAME=value` and `export NAME=value`. */
async function dispatch(state: ShellState, words: string[], io: ShellIO, stdin: string | undefined, signal?: AbortSignal): Promise<number> {
  const [name, ...args] = words;
  if (name === undefined) return 0;

  const assignment = assignmentPattern.exec(name);
  if (assignment !== null && args.length === 0) {
    state.env[assignment[1] as string] = assignment[2] as string;
    return 0;
  }
  if (name === 'export') {
    for (const arg of args) {
      const pair = assignmentPattern.exec(arg);
      if (pair !== null) state.env[pair[1] as string] = pair[2] as string;
    }
    return 0;
  }

  const builtin = state.builtinNames.includes(name) ? builtins[name] : undefined;
  if (builtin === undefined) {
    const hint = commandNotFoundHint(name);
    io.stderr(`bash: ${name}: command not found\n${hint === null ? '' : `${hint}\n`}`);
    return 127;
  }
  try {
    return await builtin.run({ args, io, state, signal, stdin });
  } catch (error) {
    // A failing built-in must not take the terminal down; report it like a crashed program.
    io.stderr(`bash: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Create the in-page shell over a file system and a Docker engine. */
export function createShell(options: ShellOptions): Shell {
  const home = options.env?.HOME ?? LAB_HOME;
  const state: ShellState = {
    fs: options.fs,
    docker: options.docker,
    cwd: options.cwd,
    previousCwd: options.cwd,
    env: { HOME: home, USER: LAB_USER, SHELL: '/bin/bash', PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env, PWD: options.cwd, '?': '0' },
    history: [],
    lab: options.lab,
    root: options.root ?? options.cwd,
    builtinNames: (options.builtins ?? Object.keys(builtins)).filter((name) => name in builtins).sort(),
    writableRoots: [normalizePath(home), '/tmp'],
  };

  const execute = async (rawLine: string, io: ShellIO, signal?: AbortSignal): Promise<number> => {
    if (rawLine.length > MAX_LINE_LENGTH) {
      io.stderr(`bash: input line too long: ${rawLine.length} characters (the limit is ${MAX_LINE_LENGTH}); split it into shorter commands\n`);
      state.env['?'] = '2';
      return 2;
    }
    const line = stripControlCharacters(rawLine);
    if (line.trim() === '') return Number(state.env['?']);

    state.history.push(line.trim());
    if (state.history.length > MAX_HISTORY) state.history.splice(0, state.history.length - MAX_HISTORY);

    const parsed = parseLine(line);
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n`);
      state.env['?'] = '2';
      return 2;
    }

    let status = Number(state.env['?']);
    for (const { connector, pipeline } of parsed.list) {
      if (signal?.aborted === true) {
        status = INTERRUPTED_STATUS;
        break;
      }
      if (connector === '&&' && status !== 0) continue;
      if (connector === '||' && status === 0) continue;
      status = await runPipeline(state, pipeline, io, signal);
      state.env['?'] = String(status);
    }
    state.env['?'] = String(status);
    return status;
  };

  return {
    execute,
    complete: (line, cursor) => completeLine(state, line, cursor),
    get history() {
      return state.history;
    },
    get cwd() {
      return state.cwd;
    },
    prompt() {
      const inHome = state.cwd === home || state.cwd.startsWith(`${home}/`);
      const displayedCwd = inHome ? `~${state.cwd.slice(home.length)}` : state.cwd;
      return `${LAB_USER}@${LAB_HOST}:${displayedCwd}$ `;
    },
  };
}
