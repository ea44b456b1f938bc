import { resolvePath } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';
import { describeFsError } from './errors.ts';
import { parseOptions } from './options.ts';

const decoder = new TextDecoder();

export const cat: Builtin = {
  summary: 'print the contents of files',
  async run(context) {
    const { args, io, state } = context;
    const parsed = parseOptions('cat', args, '');
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\n`);
      return 1;
    }
    // With no file, cat copies the piped input; without one it has nothing to read.
    if (parsed.operands.length === 0) {
      io.stdout(context.stdin ?? '');
      return 0;
    }
    let status = 0;
    for (const operand of parsed.operands) {
      if (operand === '-') {
        io.stdout(context.stdin ?? '');
        continue;
      }
      try {
        io.stdout(decoder.decode(await state.fs.readFile(resolvePath(state.cwd, operand))));
      } catch (error) {
        io.stderr(`cat: ${operand}: ${describeFsError(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
