import type { CommandHandler } from '../command.ts';
import { readGroups, readUsers, type RunContext } from '../context.ts';

/** Append a line to a text file of the image (passwd, group, shadow). */
async function appendLine(context: RunContext, path: string, line: string): Promise<void> {
  const text = (await context.readText(path)) ?? '';
  context.writeText(path, `${text}${line}\n`, path === '/etc/shadow' ? 0o640 : 0o644);
}

/** Return the value after a short or long option (`-u 1000`, `--uid=1000`). */
function optionValue(args: string[], short: string[], long: string): string | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (short.includes(arg) || arg === `--${long}`) return args[index + 1];
    if (arg.startsWith(`--${long}=`)) return arg.slice(long.length + 3);
  }
  return undefined;
}

/** Return the operands left after options that take a value. */
function operandsOf(args: string[], valued: string[]): string[] {
  const operands: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (valued.includes(arg)) index += 1;
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  return operands;
}

/** Pick the next free id at or above `start`. */
function nextId(usedIds: number[], start: number): number {
  let id = start;
  while (usedIds.includes(id)) id += 1;
  return id;
}

/** Add an account and, when asked, its home directory. */
async function createUser(context: RunContext, name: string, uid: number, gid: number, home: string, shell: string, createHome: boolean): Promise<void> {
  await appendLine(context, '/etc/passwd', `${name}:x:${uid}:${gid}::${home}:${shell}`);
  await appendLine(context, '/etc/shadow', `${name}:!:20000:0:99999:7:::`);
  if (createHome) {
    context.fs.ensureParents(home);
    context.fs.put(home, { type: 'dir', mode: 0o755, uid, gid, size: 0 });
    if (context.os !== 'alpine') {
      for (const [file, size] of [['.bashrc', 3526], ['.profile', 807], ['.bash_logout', 220]] as const) {
        context.fs.put(`${home}/${file}`, { type: 'file', mode: 0o644, uid, gid, size, synthetic: true, digest: `sha256:${'5'.repeat(56)}${String(size).padStart(8, '0')}` });
      }
    }
  }
}

/** Model shadow-utils `useradd` (Debian, Ubuntu). */
export const useradd: CommandHandler = async (args, context, streams) => {
  const valued = ['-u', '-g', '-G', '-s', '-d', '-c', '-k', '-K', '-e', '-f', '-p', '--uid', '--gid', '--groups', '--shell', '--home-dir', '--comment', '--skel', '--key', '--expiredate', '--inactive', '--password'];
  const [name] = operandsOf(args, valued);
  if (name === undefined) {
    streams.stderr('Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]');
    return 2;
  }
  const users = await readUsers(context);
  const groups = await readGroups(context);
  if (users.some((user) => user.name === name)) {
    streams.stderr(`useradd: user '${name}' already exists`);
    return 9;
  }

  const system = args.includes('-r') || args.includes('--system');
  const requestedUid = optionValue(args, ['-u'], 'uid');
  const uid = requestedUid !== undefined ? Number(requestedUid) : nextId(users.map((user) => user.uid), system ? 999 : 1000);
  if (requestedUid !== undefined && users.some((user) => user.uid === uid) && !args.includes('-o')) {
    streams.stderr(`useradd: UID ${uid} is not unique`);
    return 4;
  }

  const groupOption = optionValue(args, ['-g'], 'gid');
  let gid: number;
  if (groupOption !== undefined) {
    const group = groups.find((candidate) => candidate.name === groupOption || String(candidate.gid) === groupOption);
    if (group === undefined) {
      streams.stderr(`useradd: group '${groupOption}' does not exist`);
      return 6;
    }
    gid = group.gid;
  } else {
    // Debian's login.defs sets USERGROUPS_ENAB yes: a group of the same name is created.
    if (groups.some((group) => group.name === name)) {
      streams.stderr(`useradd: group ${name} exists - if you want to add this user to that group, use -g.`);
      return 9;
    }
    gid = nextId(groups.map((group) => group.gid), uid);
    await appendLine(context, '/etc/group', `${name}:x:${gid}:`);
  }

  const home = optionValue(args, ['-d'], 'home-dir') ?? `/home/${name}`;
  const shell = optionValue(args, ['-s'], 'shell') ?? '/bin/sh';
  await createUser(context, name, uid, gid, home, shell, args.includes('-m') || args.includes('--create-home'));
  return 0;
};

/** Model `groupadd` (Debian, Ubuntu). */
export const groupadd: CommandHandler = async (args, context, streams) => {
  const [name] = operandsOf(args, ['-g', '--gid', '-K', '--key']);
  const groups = await readGroups(context);
  if (name === undefined) {
    streams.stderr('Usage: groupadd [options] GROUP');
    return 2;
  }
  if (groups.some((group) => group.name === name)) {
    streams.stderr(`groupadd: group '${name}' already exists`);
    return 9;
  }
  const requested = optionValue(args, ['-g'], 'gid');
  const system = args.includes('-r') || args.includes('--system');
  const gid = requested !== undefined ? Number(requested) : nextId(groups.map((group) => group.gid), system ? 999 : 1000);
  await appendLine(context, '/etc/group', `${name}:x:${gid}:`);
  return 0;
};

/** Model `adduser`: Debian's Perl script and BusyBox's applet take different options. */
export const adduser: CommandHandler = async (args, context, streams) => {
  const users = await readUsers(context);
  const groups = await readGroups(context);
  if (context.os === 'alpine') {
    const [name] = operandsOf(args, ['-h', '-g', '-s', '-G', '-u', '-k', '--home', '--gecos', '--shell', '--ingroup', '--uid']);
    if (name === undefined) {
      streams.stderr('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]');
      return 1;
    }
    if (users.some((user) => user.name === name)) {
      streams.stderr(`adduser: user '${name}' in use`);
      return 1;
    }
    const uid = Number(optionValue(args, ['-u'], 'uid') ?? nextId(users.map((user) => user.uid), args.includes('-S') ? 100 : 1000));
    const groupName = optionValue(args, ['-G'], 'ingroup');
    let gid = uid;
    if (groupName !== undefined) {
      const group = groups.find((candidate) => candidate.name === groupName);
      if (group === undefined) {
        streams.stderr(`adduser: unknown group ${groupName}`);
        return 1;
      }
      gid = group.gid;
    } else if (!args.includes('-S')) {
      await appendLine(context, '/etc/group', `${name}:x:${gid}:`);
    } else gid = 65533;
    await createUser(context, name, uid, gid, optionValue(args, ['-h'], 'home') ?? `/home/${name}`, optionValue(args, ['-s'], 'shell') ?? '/bin/sh', !args.includes('-H'));
    if (!args.includes('-D') && !args.includes('-S')) {
      // Without -D BusyBox prompts for a password. A build has no terminal, so passwd reads nothing and fails.
      streams.stdout(`Changing password for ${name}\nNew password: \nRetype password: `);
      streams.stderr(`passwd: password for ${name} is unchanged`);
      return 1;
    }
    return 0;
  }

  const shortOption = args.find((arg) => /^-[A-Za-z]$/.test(arg) && !['-q'].includes(arg));
  if (shortOption !== undefined) {
    streams.stderr(`Unknown option: ${shortOption.slice(1)}\nadduser [--uid id] [--firstuid id] [--lastuid id]\n        [--gid id] [--firstgid id] [--lastgid id] [--ingroup group]\n        [--add-extra-groups] [--shell shell]\n        [--comment comment] [--home dir] [--no-create-home]\n        [--allow-all-names] [--allow-bad-names]\n        [--disabled-password] [--disabled-login]\n        [--conf file] [--quiet] [--verbose] [--debug]\n        user`);
    return 1;
  }
  const [name] = operandsOf(args, ['--uid', '--gid', '--ingroup', '--shell', '--home', '--gecos', '--comment', '--conf']);
  if (name === undefined) {
    streams.stderr('adduser: Only one or two names allowed.');
    return 1;
  }
  if (users.some((user) => user.name === name)) {
    streams.stderr(`adduser: The user \`${name}' already exists.`);
    return 1;
  }
  const uid = Number(optionValue(args, [], 'uid') ?? nextId(users.map((user) => user.uid), args.includes('--system') ? 100 : 1000));
  const gid = nextId(groups.map((group) => group.gid), uid);
  streams.stdout(`info: Adding user \`${name}' ...\ninfo: Selecting UID/GID from range 1000 to 59999 ...\ninfo: Adding new group \`${name}' (${gid}) ...\ninfo: Adding new user \`${name}' (${uid}) with group \`${name} (${gid})' ...\ninfo: Creating home directory \`/home/${name}' ...`);
  await appendLine(context, '/etc/group', `${name}:x:${gid}:`);
  await createUser(context, name, uid, gid, optionValue(args, [], 'home') ?? `/home/${name}`, optionValue(args, [], 'shell') ?? '/bin/bash', !args.includes('--no-create-home'));
  if (!args.includes('--disabled-password') && !args.includes('--disabled-login')) {
    streams.stdout(`New password: Retype new password: `);
    streams.stderr('passwd: Authentication token manipulation error\npasswd: password unchanged');
    return 1;
  }
  return 0;
};

/** Model `addgroup` (BusyBox on Alpine, Debian's script elsewhere). */
export const addgroup: CommandHandler = async (args, context, streams) => {
  const [name, second] = operandsOf(args, ['-g', '--gid']);
  const groups = await readGroups(context);
  if (name === undefined) {
    streams.stderr('Usage: addgroup [-g GID] [-S] [USER] GROUP');
    return 1;
  }
  if (second !== undefined) return 0;
  if (groups.some((group) => group.name === name)) {
    streams.stderr(context.os === 'alpine' ? `addgroup: group '${name}' in use` : `fatal: The group \`${name}' already exists.`);
    return 1;
  }
  const gid = Number(optionValue(args, ['-g'], 'gid') ?? nextId(groups.map((group) => group.gid), args.includes('-S') || args.includes('--system') ? 101 : 1000));
  await appendLine(context, '/etc/group', `${name}:x:${gid}:`);
  return 0;
};
