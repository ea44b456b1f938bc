import { dirname } from '../../../vfs/path.ts';
import type { CommandHandler } from '../command.ts';
import { absolute, expandGlob, quoteName, readGroups, readUsers, splitOptions, type RunContext } from '../context.ts';

/** Format a coreutils or busybox error for a path. */
function fileError(context: RunContext, tool: string, action: string, path: string, reason: string): string {
  return context.os === 'alpine' ? `${tool}: ${action.replace('cannot', "can't")} '${path}': ${reason}` : `${tool}: ${action} ${quoteName(context, path)}: ${reason}`;
}

/** Expand every operand's glob. */
function expandAll(context: RunContext, operands: string[]): string[] {
  return operands.flatMap((operand) => expandGlob(context, operand));
}

/** Model `mkdir [-p] [-m MODE] DIR...`. */
export const mkdir: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args.filter((arg, index) => args[index - 1] !== '-m'));
  const modeIndex = args.indexOf('-m');
  const mode = modeIndex >= 0 ? Number.parseInt(args[modeIndex + 1] ?? '755', 8) : 0o755;
  let status = 0;
  for (const operand of operands) {
    const path = absolute(context, operand);
    if (context.fs.exists(path)) {
      if (flags.has('p') || flags.has('parents')) continue;
      streams.stderr(fileError(context, 'mkdir', 'cannot create directory', operand, 'File exists'));
      status = 1;
      continue;
    }
    if (!context.fs.isDirectory(dirname(path)) && !(flags.has('p') || flags.has('parents'))) {
      streams.stderr(fileError(context, 'mkdir', 'cannot create directory', operand, 'No such file or directory'));
      status = 1;
      continue;
    }
    context.fs.ensureParents(path, context.user);
    context.fs.put(path, { type: 'dir', mode, uid: context.user.uid, gid: context.user.gid, size: 0 });
  }
  return status;
};

/** Model `rm [-r] [-f] PATH...`. */
export const rm: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args);
  const recursive = flags.has('r') || flags.has('R') || flags.has('recursive');
  const force = flags.has('f') || flags.has('force');
  let status = 0;
  for (const operand of expandAll(context, operands)) {
    const path = absolute(context, operand);
    if (!context.fs.exists(path)) {
      if (force) continue;
      streams.stderr(fileError(context, 'rm', 'cannot remove', operand, 'No such file or directory'));
      status = 1;
      continue;
    }
    if (context.fs.isDirectory(path) && !recursive) {
      streams.stderr(fileError(context, 'rm', 'cannot remove', operand, 'Is a directory'));
      status = 1;
      continue;
    }
    context.fs.remove(path);
  }
  return status;
};

/** Model `touch FILE...`. */
export const touch: CommandHandler = async (args, context, streams) => {
  const { operands } = splitOptions(args);
  let status = 0;
  for (const operand of operands) {
    const path = absolute(context, operand);
    if (context.fs.exists(path)) continue;
    if (!context.fs.isDirectory(dirname(path))) {
      streams.stderr(fileError(context, 'touch', 'cannot touch', operand, 'No such file or directory'));
      status = 1;
      continue;
    }
    context.writeText(path, '');
  }
  return status;
};

/** Parse a symbolic or octal chmod mode against the current mode. */
function applyMode(spec: string, current: number): number | null {
  if (/^[0-7]{3,4}$/.test(spec)) return Number.parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(',')) {
    const match = /^([ugoa]*)([+\-=])([rwxX]*)$/.exec(clause);
    if (match === null) return null;
    const classes = match[1] === '' || match[1] === 'a' ? 'ugo' : (match[1] ?? '');
    const permissionBits: Record<string, number> = { r: 4, w: 2, x: 1, X: 1 };
    const classShift: Record<string, number> = { u: 6, g: 3, o: 0 };
    let bits = 0;
    for (const permission of match[3] ?? '') {
      for (const target of classes) bits |= (permissionBits[permission] ?? 0) << (classShift[target] ?? 0);
    }
    if (match[2] === '+') mode |= bits;
    else if (match[2] === '-') mode &= ~bits;
    else mode = (mode & ~0o777) | bits;
  }
  return mode;
}

/** Model `chmod [-R] MODE PATH...`: a changed mode copies the file into the new layer. */
export const chmod: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args.filter((arg) => !/^[+-][rwxX]+$/.test(arg) || false));
  const modeArgument = args.find((arg) => /^([0-7]{3,4}|[ugoa]*[+\-=][rwxX]*(,[ugoa]*[+\-=][rwxX]*)*)$/.test(arg));
  const paths = operands.filter((operand) => operand !== modeArgument);
  if (modeArgument === undefined) {
    streams.stderr(`chmod: invalid mode: ${quoteName(context, operands[0] ?? '')}`);
    return 1;
  }
  let status = 0;
  for (const operand of expandAll(context, paths)) {
    const path = absolute(context, operand);
    const node = context.fs.get(path);
    if (node === undefined) {
      streams.stderr(context.os === 'alpine' ? `chmod: ${operand}: No such file or directory` : `chmod: cannot access ${quoteName(context, operand)}: No such file or directory`);
      status = 1;
      continue;
    }
    const targets = flags.has('R') ? [path, ...context.fs.descendants(path)] : [path];
    for (const target of targets) {
      const current = context.fs.get(target);
      if (current === undefined) continue;
      context.fs.update(target, { mode: applyMode(modeArgument, current.mode) ?? current.mode });
    }
  }
  return status;
};

/** Model `chown [-R] USER[:GROUP] PATH...`. Unknown users fail, and changed files are copied into the new layer. */
export const chown: CommandHandler = async (args, context, streams) => {
  const { flags, operands } = splitOptions(args);
  const [owner = '', ...paths] = operands;
  const [userName = '', groupName] = owner.split(/[:.]/);
  const users = await readUsers(context);
  const groups = await readGroups(context);
  const user = /^\d+$/.test(userName) ? { uid: Number(userName), gid: Number(userName) } : users.find((candidate) => candidate.name === userName);
  if (user === undefined && userName !== '') {
    streams.stderr(context.os === 'alpine' ? `chown: unknown user ${userName}` : `chown: invalid user: ${quoteName(context, owner)}`);
    return 1;
  }
  let gid = user?.gid ?? 0;
  if (groupName !== undefined && groupName !== '') {
    const group = /^\d+$/.test(groupName) ? { gid: Number(groupName) } : groups.find((candidate) => candidate.name === groupName);
    if (group === undefined) {
      streams.stderr(context.os === 'alpine' ? `chown: unknown group ${groupName}` : `chown: invalid group: ${quoteName(context, owner)}`);
      return 1;
    }
    gid = group.gid;
  }

  let status = 0;
  for (const operand of expandAll(context, paths)) {
    const path = absolute(context, operand);
    if (!context.fs.exists(path)) {
      streams.stderr(context.os === 'alpine' ? `chown: ${operand}: No such file or directory` : `chown: cannot access ${quoteName(context, operand)}: No such file or directory`);
      status = 1;
      continue;
    }
    const targets = flags.has('R') || flags.has('recursive') ? [path, ...context.fs.descendants(path)] : [path];
    for (const target of targets) context.fs.update(target, { uid: user?.uid ?? 0, gid });
  }
  return status;
};

/** Model `cat FILE...`. With no operands, stdin passes through. */
export const cat: CommandHandler = async (args, context, streams) => {
  const { operands } = splitOptions(args);
  if (operands.length === 0) {
    streams.stdout(streams.stdin.replace(/\n$/, ''));
    return 0;
  }
  let status = 0;
  for (const operand of operands) {
    const path = absolute(context, operand);
    const node = context.fs.get(path);
    if (node === undefined || node.type === 'dir') {
      streams.stderr(`cat: ${operand}: ${node === undefined ? 'No such file or directory' : 'Is a directory'}`);
      status = 1;
      continue;
    }
    const text = await context.readText(path);
    streams.stdout(text === undefined ? `(binary file, ${node.size} bytes)` : text.replace(/\n$/, ''));
  }
  return status;
};

/** Model `cp [-r] SRC... DEST` and `mv`. */
function copyCommand(move: boolean): CommandHandler {
  return async (args, context, streams) => {
    const { flags, operands } = splitOptions(args);
    const sources = expandAll(context, operands.slice(0, -1));
    const destination = operands.at(-1);
    const tool = move ? 'mv' : 'cp';
    if (destination === undefined || sources.length === 0) {
      streams.stderr(`${tool}: missing file operand`);
      return 1;
    }
    let status = 0;
    for (const source of sources) {
      const from = absolute(context, source);
      const node = context.fs.get(from);
      if (node === undefined) {
        streams.stderr(move ? `mv: cannot stat ${quoteName(context, source)}: No such file or directory` : `cp: cannot stat ${quoteName(context, source)}: No such file or directory`);
        status = 1;
        continue;
      }
      if (node.type === 'dir' && !move && !(flags.has('r') || flags.has('R') || flags.has('a'))) {
        streams.stderr(`cp: -r not specified; omitting directory ${quoteName(context, source)}`);
        status = 1;
        continue;
      }
      const target = absolute(context, destination);
      const into = context.fs.isDirectory(target) ? `${target}/${from.slice(from.lastIndexOf('/') + 1)}` : target;
      for (const path of [from, ...context.fs.descendants(from)]) {
        const copy = context.fs.get(path);
        if (copy !== undefined) context.fs.put(`${into}${path.slice(from.length)}`, { ...copy });
      }
      if (move) context.fs.remove(from);
    }
    return status;
  };
}

export const cp = copyCommand(false);
export const mv = copyCommand(true);

/** Model `ln [-s] TARGET LINK`. */
export const ln: CommandHandler = async (args, context) => {
  const { operands } = splitOptions(args);
  const [target = '', link = ''] = operands;
  const path = absolute(context, link === '' ? target.slice(target.lastIndexOf('/') + 1) : link);
  context.fs.put(path, { type: 'symlink', mode: 0o777, uid: context.user.uid, gid: context.user.gid, size: 0, linkTarget: target });
  return 0;
};

/** Model `echo [-n] [-e] WORDS...`. */
export const echo: CommandHandler = async (args, _context, streams) => {
  const words = [...args];
  let newline = true;
  while (words[0] === '-n' || words[0] === '-e') {
    if (words.shift() === '-n') newline = false;
  }
  streams.stdout(`${words.join(' ')}${newline ? '' : '\u0000'}`);
  return 0;
};

/** Model `printf FORMAT ARGS...` for plain formats with %s. */
export const printf: CommandHandler = async (args, _context, streams) => {
  const [format = '', ...values] = args;
  let index = 0;
  const text = format.replace(/%s/g, () => values[index++] ?? '').replace(/\\n/g, '\n');
  streams.stdout(text.endsWith('\n') ? text.slice(0, -1) : `${text}\u0000`);
  return 0;
};
