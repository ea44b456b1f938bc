import { basename, resolvePath, type DirEntry, type FileSystem } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';
import { parseOptions } from './options.ts';

/** Format permission bits as `drwxr-xr-x`. */
export function formatMode(kind: 'file' | 'directory', mode: number): string {
  const letters = 'rwxrwxrwx';
  let out = kind === 'directory' ? 'd' : '-';
  for (let bit = 0; bit < 9; bit += 1) out += (mode & (1 << (8 - bit))) !== 0 ? letters[bit] : '-';
  return out;
}

/** Build one `ls -l` row. The virtual file system keeps no times, so the date column is left out. */
async function longRow(fs: FileSystem, path: string, name: string): Promise<string> {
  const stat = await fs.stat(path);
  if (stat === null) return name;
  const size = String(stat.kind === 'directory' ? 4096 : stat.size).padStart(6);
  return `${formatMode(stat.kind, stat.mode)} 1 learner learner ${size} ${name}`;
}

/** List a folder's entries, adding `.` and `..` and dotfiles for `-a`. */
async function listFolder(fs: FileSystem, path: string, all: boolean): Promise<DirEntry[]> {
  const entries = await fs.readdir(path);
  const visible = all ? entries : entries.filter((entry) => !entry.name.startsWith('.'));
  if (!all) return visible;
  return [{ name: '.', kind: 'directory' }, { name: '..', kind: 'directory' }, ...visible];
}

export const ls: Builtin = {
  summary: 'list files (-l long format, -a include hidden files)',
  async run({ args, io, state }) {
    const parsed = parseOptions('ls', args, 'la1');
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\n`);
      return 2;
    }
    const long = parsed.flags.has('l');
    const all = parsed.flags.has('a');
    const operands = parsed.operands.length === 0 ? ['.'] : parsed.operands;
    let status = 0;
    const files: string[] = [];
    const folders: string[] = [];

    for (const operand of operands) {
      const stat = await state.fs.stat(resolvePath(state.cwd, operand));
      if (stat === null) {
        io.stderr(`ls: cannot access '${operand}': No such file or directory\n`);
        status = 2;
      } else if (stat.kind === 'directory') folders.push(operand);
      else files.push(operand);
    }

    const blocks: string[] = [];
    if (files.length > 0) {
      const rows = long
        ? await Promise.all(files.map((file) => longRow(state.fs, resolvePath(state.cwd, file), file)))
        : [files.join('  ')];
      blocks.push(rows.join('\n'));
    }
    for (const folder of folders) {
      const path = resolvePath(state.cwd, folder);
      const entries = await listFolder(state.fs, path, all);
      let body: string;
      if (long) {
        const rows = await Promise.all(entries.map((entry) => longRow(state.fs, resolvePath(path, entry.name), entry.name)));
        body = [`total ${entries.length * 4}`, ...rows].join('\n');
      } else body = entries.map((entry) => entry.name).join('  ');
      const header = operands.length > 1 ? `${folder === '.' ? basename(path) || '.' : folder}:\n` : '';
      blocks.push(header + body);
    }

    const text = blocks.filter((block) => block !== '').join('\n\n');
    if (text !== '') io.stdout(`${text}\n`);
    return status;
  },
};
