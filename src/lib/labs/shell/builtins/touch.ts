import { resolvePath } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';
import { canWrite } from '../permissions.ts';
import { describeFsError } from './errors.ts';
import { parseOptions } from './options.ts';

export const touch: Builtin = {
  summary: 'create empty files (existing files are left as they are)',
  async run({ args, io, state }) {
    const parsed = parseOptions('touch', args, '');
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\n`);
      return 1;
    }
    if (parsed.operands.length === 0) {
      io.stderr("touch: missing file operand\nTry 'touch --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const operand of parsed.operands) {
      const path = resolvePath(state.cwd, operand);
      if ((await state.fs.stat(path)) !== null) continue;
      if (!canWrite(state, path)) {
        io.stderr(`touch: cannot touch '${operand}': Permission denied\n`);
        status = 1;
        continue;
      }
      try {
        await state.fs.writeFile(path, '');
      } catch (error) {
        io.stderr(`touch: cannot touch '${operand}': ${describeFsError(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
