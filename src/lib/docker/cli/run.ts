import { quote } from 'shell-quote';
import { catalogImageByKey } from '../catalog/index.ts';
import type { ImageFilesystem } from '../image/filesystem.ts';
import { storedImageFilesystem } from '../image/stored-filesystem.ts';
import type { RunContext } from '../run/context.ts';
import { absolute, which } from '../run/context.ts';
import { isShellBuiltin, runScript } from '../run/interpreter.ts';
import { flagSet, flagValue, parseFlags, UsageError, type FlagSpec } from './flags.ts';
import { pullImage } from './registry.ts';
import type { CliContext, Subcommand } from './types.ts';
import { argumentCountError, commandErrorText } from './usage.ts';

const specs: FlagSpec[] = [
  { name: 'rm', kind: 'bool' },
  { name: 'env', short: 'e', kind: 'list' },
  { name: 'entrypoint', kind: 'string' },
  { name: 'publish', short: 'p', kind: 'list' },
  { name: 'detach', short: 'd', kind: 'bool' },
  { name: 'interactive', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'name', kind: 'string' },
  { name: 'user', short: 'u', kind: 'string' },
  { name: 'workdir', short: 'w', kind: 'string' },
  { name: 'gpus', kind: 'string' },
  { name: 'volume', short: 'v', kind: 'list' },
  { name: 'help', kind: 'bool' },
];
const usage = 'docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]';
const summary = 'Create and run a new container from an image';
const decoder = new TextDecoder();

/**
 * Check a script the container executes directly: without the execute bit
 * runc refuses it, and a shebang line ending in CR (a file saved on Windows)
 * names an interpreter that does not exist, so exec fails with ENOENT.
 */
async function checkScript(runContext: RunContext, executable: string): Promise<{ message: string; exitCode: number; fromDaemon: boolean } | null> {
  if (!executable.includes('/')) return null;
  const path = absolute(runContext, executable);
  const node = runContext.fs.get(path);
  if (node === undefined || node.type !== 'file') return null;
  if ((node.mode & 0o111) === 0) {
    return { message: `Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${executable}": permission denied: unknown.`, exitCode: 126, fromDaemon: true };
  }
  const text = await runContext.readText(path);
  if (text?.startsWith('#!') === true && /^[^\n]*\r\n/.test(text)) return { message: `exec ${executable}: no such file or directory`, exitCode: 255, fromDaemon: false };
  return null;
}

/** Find the account `user` (name or uid, optionally `:group`) names in the image's /etc/passwd; root when empty. */
async function resolveAccount(fs: ImageFilesystem, context: CliContext, user: string): Promise<{ name: string; uid: number; gid: number } | null> {
  if (user === '' || user === 'root' || user === '0') return { name: 'root', uid: 0, gid: 0 };
  const [name = ''] = user.split(':');
  const node = fs.get('/etc/passwd');
  const data = node?.digest === undefined ? undefined : await context.store.getBlob(node.digest);
  for (const line of decoder.decode(data ?? new Uint8Array()).split('\n')) {
    const [entry = '', , uid = '', gid = ''] = line.split(':');
    if (entry === name || uid === name) return { name: entry, uid: Number(uid), gid: Number(gid) };
  }
  return /^\d+$/.test(name) ? { name, uid: Number(name), gid: Number(name) } : null;
}

/**
 * Print a `docker run` failure as Docker CLI 28 does (`docker: <error>`, a
 * blank line, the help hint) and return `exitCode`.
 */
function runError(context: CliContext, message: string, exitCode: number): number {
  context.io.stderr(`${commandErrorText('run', message)}\n`);
  return exitCode;
}

/**
 * Run `docker run`: print the container's resolved process, then run it with
 * the RUN model (echo, cat, python -c print, --version). Servers and other
 * long-running programs are not started, and a simulated note reports that.
 */
async function run(args: string[], context: CliContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, specs, true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.io.stderr(`docker: ${error.message}\n\nRun 'docker run --help' for more information\n`);
    return 125;
  }
  if (flags.operands.length === 0) return argumentCountError(context.io, context.commandPath ?? 'run', usage, { atLeast: 1 });
  const [reference = '', ...command] = flags.operands;
  let image = context.store.find(reference);
  if (image === null) {
    context.io.stderr(`Unable to find image '${reference.includes(':') ? reference : `${reference}:latest`}' locally\n`);
    const id = await pullImage(reference, context, 'run');
    if (id === null) return 125;
    image = context.store.state.images[id] ?? null;
    if (image === null) return 125;
  }
  const config = context.store.configOf(image).config;
  const env = new Map<string, string>();
  for (const entry of [...(config.Env ?? []), ...(flags.values.get('env') ?? [])]) {
    const cut = entry.indexOf('=');
    if (cut > 0) env.set(entry.slice(0, cut), entry.slice(cut + 1));
  }
  const entrypointFlag = flagValue(flags, 'entrypoint');
  // `--entrypoint` replaces the image's ENTRYPOINT and drops its CMD; `--entrypoint ''` clears both.
  let entrypoint = config.Entrypoint ?? [];
  let cmd = config.Cmd ?? [];
  if (entrypointFlag !== undefined) {
    entrypoint = entrypointFlag === '' ? [] : [entrypointFlag];
    cmd = [];
  }
  if (command.length > 0) cmd = command;
  const argv = [...entrypoint, ...cmd];
  const user = flagValue(flags, 'user') ?? config.User ?? '';
  const workdir = flagValue(flags, 'workdir') ?? (config.WorkingDir || '/');
  context.io.stderr(`simulated container: entrypoint ${JSON.stringify(entrypoint)}, command ${JSON.stringify(cmd)}, user ${user === '' ? 'root' : user}, workdir ${workdir}\nsimulated container: env ${[...env].map(([key, value]) => `${key}=${value}`).join(' ')}\n`);
  if (argv.length === 0) {
    return runError(context, 'Error response from daemon: no command specified', 125);
  }

  const base = image.baseKey === null ? null : catalogImageByKey(image.baseKey);
  const fs = storedImageFilesystem(context.store, image);

  // Entrypoint scripts of the official images end with `exec "$@"`, so the command runs as given.
  const effective = /docker-entrypoint\.sh$|nvidia_entrypoint\.sh$/.test(argv[0] ?? '') ? argv.slice(1) : argv;
  const shellForm = effective[0] === '/bin/sh' && effective[1] === '-c';
  const account = await resolveAccount(fs, context, user);
  if (account === null) {
    return runError(context, `Error response from daemon: unable to find user ${user}: no matching entries in passwd file`, 125);
  }
  const runContext: RunContext = {
    fs,
    os: base?.os ?? 'debian',
    shell: base?.os === 'alpine' ? 'ash' : 'dash',
    env,
    cwd: workdir,
    user: account,
    python: base?.tools.python,
    node: base?.tools.node,
    output: [],
    elapsed: 0,
    options: { errexit: false, pipefail: false, xtrace: false },
    readText: async (path) => {
      const node = fs.get(path);
      if (node?.digest === undefined || node.synthetic === true) return undefined;
      const data = await context.store.getBlob(node.digest);
      return data === undefined ? undefined : decoder.decode(data);
    },
    writeText: () => undefined,
  };
  // runc looks up the first word of an exec-form command on PATH before anything runs.
  const executable = effective[0] ?? '';
  if (!isShellBuiltin(executable) && which(runContext, executable) === null) {
    return runError(context, `Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${executable}": executable file not found in $PATH: unknown.`, 127);
  }
  const scriptFailure = await checkScript(runContext, executable);
  if (scriptFailure?.fromDaemon === true) return runError(context, scriptFailure.message, scriptFailure.exitCode);
  if (scriptFailure !== null) {
    context.io.stderr(`${scriptFailure.message}\n`);
    return scriptFailure.exitCode;
  }
  const exitCode = await runScript(shellForm ? (effective[2] ?? '') : quote(effective), runContext);
  for (const line of runContext.output) {
    if (line.stream === 'stderr') context.io.stderr(`${line.text}\n`);
    else context.io.stdout(`${line.text}\n`);
  }
  if (flagSet(flags, 'detach')) context.io.stdout(`${image.id.slice(7)}\n`);
  return exitCode === 127 ? 127 : exitCode;
}

export const runCommand: Subcommand = { usage, summary, run };
