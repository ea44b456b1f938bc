import { resolvePath } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';
import { canWrite } from '../permissions.ts';
import { describeFsError } from './errors.ts';
import { parseOptions } from './options.ts';

export const rm: Builtin = {
  summary: 'remove files (-r: folders too, -f: ignore missing files)',
  async run({ args, io, state }) {
    const parsed = parseOptions('rm', args, 'rRf');
    if ('error' in parsed) {
      io.stderr(`${parsed.error}\n`);
      return 1;
    }
    const recursive = parsed.flags.has('r') || parsed.flags.has('R');
    const force = parsed.flags.has('f');
    if (parsed.operands.length === 0) {
      if (force) return 0;
      io.stderr("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const operand of parsed.operands) {
      const path = resolvePath(state.cwd, operand);
      if (path === '/' && recursive) {
        io.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        status = 1;
        continue;
      }
      const stat = await state.fs.stat(path);
      if (stat === null) {
        if (force) continue;
        io.stderr(`rm: cannot remove '${operand}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (!canWrite(state, path) || path === state.writableRoots[0]) {
        io.stderr(`rm: cannot remove '${operand}': Permission denied\n`);
        status = 1;
        continue;
      }
      if (stat.kind === 'directory' && !recursive) {
        io.stderr(`rm: cannot remove '${operand}': Is a directory\n`);
        status = 1;
        continue;
      }
      try {
        await state.fs.rm(path, { recursive, force });
      } catch (error) {
        io.stderr(`rm: cannot remove '${operand}': ${describeFsError(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
