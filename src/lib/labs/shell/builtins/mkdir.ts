import { resolvePath } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';
import { canWrite } from '../permissions.ts';
import { describeFsError } from './errors.ts';
import { parseOptions } from './options.ts';

export const mkdir: Builtin = {
  summary: 'create folders (-p: create parents, no error if it exists)',
  async run({ args, io, state }) {
    const parsed = parseOptions('mkdir', args, 'p');
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\n`);
      return 1;
    }
    if (parsed.operands.length === 0) {
      io.stderr("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    const parents = parsed.flags.has('p');
    let status = 0;
    for (const operand of parsed.operands) {
      const path = resolvePath(state.cwd, operand);
      const existing = await state.fs.stat(path);
      if (existing?.kind === 'directory' && parents) continue;
      if (!canWrite(state, path)) {
        io.stderr(`mkdir: cannot create directory '${operand}': Permission denied\n`);
        status = 1;
        continue;
      }
      try {
        if (existing !== null) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await state.fs.mkdir(path, { recursive: parents });
      } catch (error) {
        io.stderr(`mkdir: cannot create directory '${operand}': ${describeFsError(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
