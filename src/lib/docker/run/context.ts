import type { OsFamily } from '../catalog/index.ts';
import type { ImageFilesystem } from '../image/filesystem.ts';
import { normalizePath, resolvePath } from '../../vfs/path.ts';

/** Program behind /bin/sh (dash on Debian and Ubuntu, BusyBox ash on Alpine), whose error texts differ. */
export type ShellFlavor = 'dash' | 'ash' | 'bash';

/** State a RUN step's commands read and change. */
export type RunContext = {
  fs: ImageFilesystem;
  os: OsFamily;
  shell: ShellFlavor;
  env: Map<string, string>;
  cwd: string;
  user: { name: string; uid: number; gid: number };
  /** Python version of the image (`3.12.7`), when the base image has Python. */
  python?: string;
  node?: string;
  /** Output lines with the seconds since the step started. */
  output: Array<{ at: number; text: string; stream?: 'stderr' }>;
  /** Seconds the step has run so far (simulated). */
  elapsed: number;
  options: { errexit: boolean; pipefail: boolean; xtrace: boolean };
  readText: (path: string) => Promise<string | undefined>;
  writeText: (path: string, text: string, mode?: number) => void;
};

/** Add an output line after `seconds` more of simulated time. */
export function emit(context: RunContext, text: string, seconds = 0.01, stream?: 'stderr'): void {
  context.elapsed += seconds;
  for (const line of text.split('\n')) context.output.push(stream === undefined ? { at: context.elapsed, text: line } : { at: context.elapsed, text: line, stream });
}

/** Resolve a path against the step's working directory. */
export function absolute(context: RunContext, path: string): string {
  return resolvePath(context.cwd, path);
}

/** Format the prefix /bin/sh puts on its own errors (`/bin/sh: 1: ` for dash, `/bin/sh: ` for ash). */
export function shellPrefix(context: RunContext): string {
  if (context.shell === 'dash') return '/bin/sh: 1: ';
  if (context.shell === 'bash') return '/bin/bash: line 1: ';
  return '/bin/sh: ';
}

/** Format the message of a command the shell cannot find (exit code 127). */
export function notFoundMessage(context: RunContext, name: string): string {
  return context.shell === 'bash' ? `${shellPrefix(context)}${name}: command not found` : `${shellPrefix(context)}${name}: not found`;
}

/** Quote a name in coreutils' style: curly quotes in a UTF-8 locale, straight ones otherwise. */
export function quoteName(context: RunContext, name: string): string {
  if (context.os === 'alpine') return `'${name}'`;
  const utf8 = /utf-?8/i.test(context.env.get('LANG') ?? '') || /utf-?8/i.test(context.env.get('LC_ALL') ?? '');
  return utf8 ? `\u2018${name}\u2019` : `'${name}'`;
}

const searchPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Find an executable by name on PATH; returns its path or null. */
export function which(context: RunContext, name: string): string | null {
  if (name.includes('/')) return context.fs.exists(absolute(context, name)) ? absolute(context, name) : null;
  const path = context.env.get('PATH')?.split(':') ?? searchPath;
  for (const directory of [...path, ...searchPath]) {
    const candidate = normalizePath(`${directory}/${name}`);
    const node = context.fs.get(candidate);
    if (node !== undefined && node.type !== 'dir') return candidate;
  }
  return null;
}

/** Turn a shell glob (`*`, `?`, `[...]`) into an anchored regular expression for one path. */
function globPattern(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Expand a glob against the image; a glob with no match stays as written, as in sh. */
export function expandGlob(context: RunContext, word: string): string[] {
  if (!/[*?[]/.test(word)) return [word];
  const pattern = globPattern(absolute(context, word));
  const matches = context.fs.descendants('/').filter((path) => pattern.test(path)).sort();
  if (matches.length === 0) return [word];
  return word.startsWith('/') ? matches : matches.map((path) => path.slice(context.cwd === '/' ? 1 : context.cwd.length + 1));
}

/** Parsed /etc/passwd entry. */
export type PasswdEntry = { name: string; uid: number; gid: number; home: string; shell: string };

/** Read the image's accounts. */
export async function readUsers(context: RunContext): Promise<PasswdEntry[]> {
  const text = (await context.readText('/etc/passwd')) ?? '';
  return text
    .split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const [name = '', , uid = '0', gid = '0', , home = '/', shell = '/bin/sh'] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid), home, shell };
    });
}

/** Read the image's groups as name and id. */
export async function readGroups(context: RunContext): Promise<Array<{ name: string; gid: number }>> {
  const text = (await context.readText('/etc/group')) ?? '';
  return text
    .split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const [name = '', , gid = '0'] = line.split(':');
      return { name, gid: Number(gid) };
    });
}

/** Split short and long options from operands (`-rf`, `--force`, `x`); `--` ends options. */
export function splitOptions(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (ended || !arg.startsWith('-') || arg === '-') operands.push(arg);
    else if (arg === '--') ended = true;
    else if (arg.startsWith('--')) flags.add(arg.slice(2).split('=')[0] ?? '');
    else for (const char of arg.slice(1)) flags.add(char);
  }
  return { flags, operands };
}
