import type { CommandHandler, CommandStreams } from './command.ts';
import { sha256Digest } from '../digest.ts';
import { absolute, emit, notFoundMessage, readGroups, shellPrefix, which, type RunContext } from './context.ts';
import { apk } from './commands/apk.ts';
import { aptGet } from './commands/apt.ts';
import { cat, chmod, chown, cp, echo, ln, mkdir, mv, printf, rm, touch } from './commands/files.ts';
import { npm } from './commands/npm.ts';
import { pip } from './commands/pip.ts';
import { grep, head, tail, wc } from './commands/text.ts';
import { addgroup, adduser, groupadd, useradd } from './commands/users.ts';
import { parseScript, type SimpleCommand } from './script.ts';

/** Text of the note for commands the model does not run. */
export function simulatedNote(command: string): string {
  return `simulated: ${command.trimEnd()} was not run; Slipway assumed it succeeded`;
}

/** Builtins of /bin/sh, plus the coreutils the model answers itself (whoami, id); they need no binary check. */
const builtins: Record<string, CommandHandler> = {
  cd: async (args, context, streams) => {
    const target = absolute(context, args[0] ?? context.env.get('HOME') ?? '/root');
    if (!context.fs.isDirectory(target)) {
      streams.stderr(context.shell === 'dash' ? `${shellPrefix(context)}cd: can't cd to ${args[0] ?? ''}` : context.shell === 'bash' ? `${shellPrefix(context)}cd: ${args[0] ?? ''}: No such file or directory` : `${shellPrefix(context)}cd: line 1: can't cd to ${args[0] ?? ''}: No such file or directory`);
      return 2;
    }
    context.cwd = target;
    return 0;
  },
  set: async (args, context, streams) => {
    for (let index = 0; index < args.length; index += 1) {
      const arg = args[index] ?? '';
      if (arg === '-o' || arg === '+o') {
        const option = args[++index] ?? '';
        if (option === 'pipefail') {
          if (context.shell === 'dash') {
            streams.stderr(`${shellPrefix(context)}set: Illegal option -o pipefail`);
            return 2;
          }
          context.options.pipefail = arg === '-o';
        } else if (option === 'errexit') context.options.errexit = arg === '-o';
        else if (option === 'xtrace') context.options.xtrace = arg === '-o';
        continue;
      }
      if (/^[-+][a-z]+$/.test(arg)) {
        const enable = arg.startsWith('-');
        if (arg.includes('e')) context.options.errexit = enable;
        if (arg.includes('x')) context.options.xtrace = enable;
      }
    }
    return 0;
  },
  export: async (args, context) => {
    for (const arg of args) {
      const cut = arg.indexOf('=');
      if (cut > 0) context.env.set(arg.slice(0, cut), arg.slice(cut + 1));
    }
    return 0;
  },
  source: async (args, context, streams) => {
    if (context.shell === 'dash') {
      streams.stderr(notFoundMessage(context, 'source'));
      return 127;
    }
    return builtins['.']?.(args, context, streams) ?? 0;
  },
  '.': async (args, context, streams) => {
    const path = absolute(context, args[0] ?? '');
    if (!context.fs.exists(path)) {
      streams.stderr(context.shell === 'dash' ? `${shellPrefix(context)}.: cannot open ${args[0] ?? ''}: No such file` : `${shellPrefix(context)}${args[0] ?? ''}: No such file or directory`);
      return context.shell === 'dash' ? 2 : 1;
    }
    return 0;
  },
  true: async () => 0,
  ':': async () => 0,
  false: async () => 1,
  echo,
  printf,
  whoami: async (_args, context, streams) => {
    streams.stdout(context.user.name);
    return 0;
  },
  id: async (_args, context, streams) => {
    const groups = await readGroups(context);
    const group = groups.find((candidate) => candidate.gid === context.user.gid)?.name ?? String(context.user.gid);
    streams.stdout(`uid=${context.user.uid}(${context.user.name}) gid=${context.user.gid}(${group}) groups=${context.user.gid}(${group})`);
    return 0;
  },
  pwd: async (_args, context, streams) => {
    streams.stdout(context.cwd);
    return 0;
  },
  test: async (args, context) => evaluateTest(args, context),
  '[': async (args, context) => evaluateTest(args.slice(0, -1), context),
};

/** Tell whether a name is a builtin of the model's shell (so no binary is looked up for it). */
export function isShellBuiltin(name: string): boolean {
  return builtins[name] !== undefined;
}

/** Evaluate the file tests of `test` / `[` that Dockerfiles use (`-f`, `-d`, `-e`, `-n`, `-z`). */
function evaluateTest(args: string[], context: RunContext): number {
  const [operator, operand = ''] = args;
  const path = absolute(context, operand);
  if (operator === '-f') return context.fs.get(path)?.type === 'file' ? 0 : 1;
  if (operator === '-d') return context.fs.isDirectory(path) ? 0 : 1;
  if (operator === '-e' || operator === '-s') return context.fs.exists(path) ? 0 : 1;
  if (operator === '-n') return operand !== '' ? 0 : 1;
  if (operator === '-z') return operand === '' ? 0 : 1;
  if (args.length === 3 && (args[1] === '=' || args[1] === '==')) return args[0] === args[2] ? 0 : 1;
  if (args.length === 3 && args[1] === '!=') return args[0] !== args[2] ? 0 : 1;
  return 0;
}

/** Run the model of `python` / `python3`: `-m pip`, `--version`, simple `-c` scripts. */
const python: CommandHandler = async (args, context, streams) => {
  const version = context.python ?? '3.11.2';
  if (args[0] === '-m' && args[1] === 'pip') return pip(args.slice(2), context, streams);
  if (args[0] === '-m' && args[1] === 'venv') return createVenv(args.slice(2), context, version);
  if (args[0] === '--version' || args[0] === '-V') {
    streams.stdout(`Python ${version}`);
    return 0;
  }
  if (args[0] === '-c') {
    const code = args[1] ?? '';
    const minor = version.split('.').slice(0, 2).join('.');
    for (const match of code.matchAll(/(?:^|[;\n]\s*)(?:import|from)\s+([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const module = match[1] ?? '';
      const standard = ['os', 'sys', 'json', 'math', 'pathlib', 'platform', 'time', 're', 'subprocess', 'typing'];
      const installed = context.fs.descendants('/').some((path) => path.endsWith(`/python${minor}/site-packages/${module}`));
      if (!standard.includes(module) && !installed) {
        streams.stderr(`Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nModuleNotFoundError: No module named '${module}'`);
        return 1;
      }
    }
    const printed = /^\s*print\((['"])(.*)\1\)\s*$/.exec(code.split(/;|\n/).at(-1) ?? '');
    if (printed !== null) streams.stdout(printed[2] ?? '');
    else streams.stdout(simulatedNote(`python -c ${JSON.stringify(code)}`));
    return 0;
  }
  streams.stdout(simulatedNote(`python ${args.join(' ')}`));
  return 0;
};

/** Model `python -m venv DIR`: the interpreter links, pip and an empty site-packages (about 20 MB with pip). */
async function createVenv(args: string[], context: RunContext, version: string): Promise<number> {
  const directory = args.find((arg) => !arg.startsWith('-'));
  if (directory === undefined) return 2;
  const root = absolute(context, directory);
  const minor = version.split('.').slice(0, 2).join('.');
  const owner = { uid: context.user.uid, gid: context.user.gid };
  context.fs.ensureParents(`${root}/bin/python`, owner);
  for (const path of [root, `${root}/bin`, `${root}/lib`, `${root}/lib/python${minor}`, `${root}/lib/python${minor}/site-packages`]) {
    context.fs.put(path, { type: 'dir', mode: 0o755, ...owner, size: 0 });
  }
  for (const name of ['python', 'python3', `python${minor}`]) context.fs.put(`${root}/bin/${name}`, { type: 'symlink', mode: 0o777, ...owner, size: 0, linkTarget: '/usr/local/bin/python3' });
  context.writeText(`${root}/pyvenv.cfg`, `home = /usr/local/bin\ninclude-system-site-packages = false\nversion = ${version}\nexecutable = /usr/local/bin/python${minor}\ncommand = /usr/local/bin/python3 -m venv ${root}\n`);
  for (const name of ['pip', 'pip3', `pip${minor}`]) context.fs.put(`${root}/bin/${name}`, { type: 'file', mode: 0o755, ...owner, size: 230, synthetic: true, digest: sha256Digest(`venv pip ${root}`) });
  context.fs.put(`${root}/lib/python${minor}/site-packages/pip`, { type: 'dir', mode: 0o755, ...owner, size: 0 });
  context.fs.put(`${root}/lib/python${minor}/site-packages/pip/__init__.py`, { type: 'file', mode: 0o644, ...owner, size: 19_800_000, synthetic: true, digest: sha256Digest(`venv pip payload ${version}`) });
  context.elapsed += 2.1;
  return 0;
}

/** Run `bash -c` / `sh -c` with the flavor of that shell. */
function subshell(flavor: RunContext['shell']): CommandHandler {
  return async (args, context, streams) => {
    const scriptIndex = args.indexOf('-c');
    if (scriptIndex < 0) {
      streams.stdout(simulatedNote(`${flavor === 'bash' ? 'bash' : 'sh'} ${args.join(' ')}`));
      return 0;
    }
    const inner: RunContext = { ...context, shell: flavor, options: { ...context.options } };
    const status = await runScript(args[scriptIndex + 1] ?? '', inner);
    context.elapsed = inner.elapsed;
    return status;
  };
}

/** Commands the model runs; each needs its binary in the image. */
const programs: Record<string, CommandHandler> = {
  'apt-get': aptGet,
  apt: async (args, context, streams) => {
    streams.stderr('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n');
    return aptGet(args, context, streams);
  },
  apk,
  pip,
  pip3: pip,
  npm,
  python,
  python3: python,
  useradd,
  groupadd,
  adduser,
  addgroup,
  mkdir,
  rm,
  chmod,
  chown,
  touch,
  cat,
  cp,
  mv,
  ln,
  bash: subshell('bash'),
  head,
  tail,
  grep,
  wc,
};

/** Commands whose absence the model reports: tools that slim images often lack. */
const checkedPrograms = new Set(['curl', 'wget', 'git', 'gcc', 'make', 'sudo', 'node', 'nginx', 'vim', 'nano', 'unzip', 'ps', 'tini', 'bash', 'uvicorn', 'gunicorn', 'flask', 'mlflow']);

/** Run one command: builtins first, then modelled programs, then the simulated fallback. */
async function runCommand(command: SimpleCommand, context: RunContext, streams: CommandStreams): Promise<number> {
  const [name = '', ...args] = command.argv;
  if (name === '') {
    for (const [key, value] of command.assignments) context.env.set(key, value);
    return 0;
  }
  if (context.options.xtrace) streams.stderr(`+ ${command.argv.join(' ')}`);
  const builtin = builtins[name];
  if (builtin !== undefined) return builtin(args, context, streams);
  if (name === 'sh') return subshell(context.os === 'alpine' ? 'ash' : 'dash')(args, context, streams);
  const programName = name.slice(name.lastIndexOf('/') + 1);
  const program = programs[programName];
  const modelled = program !== undefined || checkedPrograms.has(programName) || name.includes('/');
  const binary = modelled ? which(context, name) : name;
  if (binary === null && name === 'pip' && context.python !== undefined) return pip(args, context, streams);
  if (binary === null) {
    streams.stderr(notFoundMessage(context, name));
    return 127;
  }
  if (program !== undefined) return program(args, context, streams);
  context.elapsed += 0.2;
  streams.stdout(simulatedNote(command.argv.join(' ')));
  return 0;
}

/** Write redirected output into the image; returns a shell error text when the target directory is missing. */
function writeRedirect(context: RunContext, target: string, text: string, append: Promise<string | undefined> | null): Promise<string | null> {
  const path = absolute(context, target);
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (target === '/dev/null' || target === '/dev/stdout' || target === '/dev/stderr') return Promise.resolve(null);
  if (!context.fs.isDirectory(parent)) {
    return Promise.resolve(context.shell === 'dash' ? `${shellPrefix(context)}cannot create ${target}: Directory nonexistent` : `${shellPrefix(context)}can't create ${target}: nonexistent directory`);
  }
  return (append ?? Promise.resolve(undefined)).then((before) => {
    context.writeText(path, `${before ?? ''}${text}`);
    return null;
  });
}

/**
 * Turn a multi-line script (a heredoc RUN) into one line: continuations join,
 * comment lines drop, and each other line break separates commands like `;`.
 */
function joinLines(text: string): string {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  let joined = '';
  for (const line of lines) {
    if (joined === '') joined = line;
    else if (/(&&|\|\||\||;)$/.test(joined)) joined += ` ${line}`;
    else joined += ` ; ${line}`;
  }
  return joined;
}

/**
 * Run a `/bin/sh -c` script against the image. Output lines go to
 * `context.output`; returns the exit status of the script.
 */
export async function runScript(text: string, context: RunContext): Promise<number> {
  const script = parseScript(joinLines(text), (name) => context.env.get(name));
  if (script.kind === 'unsupported') {
    emit(context, simulatedNote(text.length > 80 ? `${text.slice(0, 77)}...` : text), 0.5);
    return 0;
  }
  let status = 0;
  let previous: '&&' | '||' | ';' | null = null;
  for (const item of script.items) {
    // `a && b` runs b only after success, `a || b` only after failure; a skipped item keeps the status.
    let run = true;
    if (previous === '&&') run = status === 0;
    if (previous === '||') run = status !== 0;
    previous = item.next;
    if (!run) continue;
    let stdin = '';
    const statuses: number[] = [];
    for (const [index, command] of item.pipeline.entries()) {
      const last = index === item.pipeline.length - 1;
      let captured = '';
      const redirect = command.redirects.find((candidate) => candidate.fd === 1 && (candidate.op === '>' || candidate.op === '>>'));
      const toStderr = command.redirects.some((candidate) => candidate.fd === 1 && candidate.op === '>&' && candidate.target === '2');
      const streams: CommandStreams = {
        stdin,
        stdout: (output) => {
          const textOut = output.endsWith('\u0000') ? output.slice(0, -1) : `${output}\n`;
          if (last && redirect === undefined && !toStderr) emit(context, textOut.replace(/\n$/, ''));
          else captured += textOut;
        },
        stderr: (output) => emit(context, output, 0.01, 'stderr'),
      };
      let commandStatus = await runCommand(command, context, streams);
      if (redirect !== undefined) {
        const error = await writeRedirect(context, redirect.target, captured, redirect.op === '>>' ? context.readText(absolute(context, redirect.target)) : null);
        if (error !== null) {
          emit(context, error, 0.01, 'stderr');
          commandStatus = 2;
        }
        captured = '';
      }
      statuses.push(commandStatus);
      stdin = captured;
    }
    status = context.options.pipefail ? ([...statuses].reverse().find((value) => value !== 0) ?? 0) : (statuses.at(-1) ?? 0);
    const guarded = item.next === '&&' || item.next === '||';
    if (status !== 0 && context.options.errexit && !guarded) return status;
  }
  return status;
}

