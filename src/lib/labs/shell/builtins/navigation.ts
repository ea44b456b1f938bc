import { resolvePath } from '../../../vfs/index.ts';
import type { Builtin } from '../types.ts';

export const cd: Builtin = {
  summary: 'change the working folder (no argument: home, -: previous folder)',
  async run({ args, io, state }) {
    if (args.length > 1) {
      io.stderr('bash: cd: too many arguments\n');
      return 1;
    }
    const operand = args[0] ?? state.env.HOME ?? '/';
    const target = operand === '-' ? state.previousCwd : resolvePath(state.cwd, operand);
    const stat = await state.fs.stat(target);
    if (stat === null) {
      io.stderr(`bash: cd: ${operand}: No such file or directory\n`);
      return 1;
    }
    if (stat.kind !== 'directory') {
      io.stderr(`bash: cd: ${operand}: Not a directory\n`);
      return 1;
    }
    if (operand === '-') io.stdout(`${target}\n`);
    state.previousCwd = state.cwd;
    state.cwd = target;
    state.env.OLDPWD = state.previousCwd;
    state.env.PWD = target;
    return 0;
  },
};

export const pwd: Builtin = {
  summary: 'print the working folder',
  async run({ io, state }) {
    io.stdout(`${state.cwd}\n`);
    return 0;
  },
};
