import { quote } from 'shell-quote';
import type { RunInstruction } from '../ast.ts';
import { sha256Digest } from '../digest.ts';
import type { RunContext, ShellFlavor } from '../run/context.ts';
import { runScript } from '../run/interpreter.ts';
import { variablesOf, type StageState } from './stage.ts';
import { argsInScope, cachedStep, encoder, readText, resolveUser, titleOf, type StepServices } from './step-support.ts';

/** Mount of a `RUN --mount=...` option: its type, target path and source. */
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

/** Read the options a SHELL array turns on (`["/bin/bash", "-eux", "-o", "pipefail", "-c"]`). */
function shellOptions(shell: string[]): RunContext['options'] {
  const options = { errexit: false, pipefail: false, xtrace: false };
  shell.forEach((arg, index) => {
    if (/^-[a-z]+$/.test(arg) && arg !== '-c' && arg !== '-o') {
      if (arg.includes('e')) options.errexit = true;
      if (arg.includes('x')) options.xtrace = true;
    }
    if (arg === '-o' && shell[index + 1] === 'pipefail') options.pipefail = true;
  });
  return options;
}

/** Run a RUN instruction through the cache: the RUN model executes the script against the stage's filesystem. */
export async function runInstruction(instruction: RunInstruction, state: StageState, services: StepServices): Promise<number> {
  const shell = state.config.Shell ?? ['/bin/sh', '-c'];
  const heredoc = instruction.heredocs[0];
  let script = instruction.form === 'exec' ? quote(instruction.args) : instruction.command;
  if (instruction.form === 'shell' && heredoc !== undefined && instruction.command.trim().startsWith('<<')) script = heredoc.content;
  const argv = instruction.form === 'exec' ? instruction.args : [...shell, instruction.command];
  const processText = argv.join(' ');

  // The cache key covers what the process sees: command, environment, build args, user, working folder, mounts.
  const args = argsInScope(state);
  const argPrefix = args.length > 0 ? `|${args.length} ${args.map(([name, value]) => `${name}=${value}`).join(' ')} ` : '';
  const env = variablesOf(state);
  const user = state.config.User ?? '';
  const mountFlags = instruction.flags.filter((flag) => flag.name !== 'mount' || !(flag.value ?? '').includes('type=cache')).map((flag) => `${flag.name}=${flag.value ?? ''}`);
  const cacheInput = JSON.stringify({ run: argv, env: state.config.Env ?? [], args, user, cwd: state.config.WorkingDir ?? '/', flags: mountFlags });
  const step = { title: titleOf(instruction), instruction: processText, cacheInput, history: `RUN ${argPrefix}${processText} # buildkit`, range: instruction.range };

  return cachedStep(state, services, step, async () => {
    const account = user === '' ? { name: 'root', uid: 0, gid: 0, home: '/root' } : await resolveUser(state, services, user);
    if (account === null) return { logs: [], exitCode: 1, failure: `unable to find user ${user.split(':')[0]}: no matching entries in passwd file`, elapsed: 0 };
    if (!env.has('HOME')) env.set('HOME', account.home);

    let flavor: ShellFlavor = state.base?.os === 'alpine' ? 'ash' : 'dash';
    if ((shell[0] ?? '').endsWith('bash')) flavor = 'bash';
    if (flavor === 'bash' && !state.fs.exists(shell[0] ?? '/bin/bash')) {
      const failure = `process "${processText}" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "${shell[0]}": stat ${shell[0]}: no such file or directory: unknown`;
      return { logs: [], exitCode: 1, failure, elapsed: 0 };
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
      options: shellOptions(shell),
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
}
