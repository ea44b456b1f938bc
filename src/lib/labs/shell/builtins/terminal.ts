import type { Builtin } from '../types.ts';

/** Erase the screen and the scrollback, then move the cursor home. */
export const CLEAR_SEQUENCE = '\x1b[2J\x1b[3J\x1b[H';

export const clear: Builtin = {
  summary: 'clear the terminal',
  async run({ io }) {
    io.stdout(CLEAR_SEQUENCE);
    return 0;
  },
};

export const history: Builtin = {
  summary: 'list the commands run so far (-c: forget them)',
  async run({ args, io, state }) {
    if (args[0] === '-c') {
      state.history.length = 0;
      return 0;
    }
    if (args.length > 0 && !/^\d+$/.test(args[0] ?? '')) {
      io.stderr(`bash: history: ${args[0]}: numeric argument required\n`);
      return 1;
    }
    const count = args.length > 0 ? Number(args[0]) : state.history.length;
    const first = Math.max(0, state.history.length - count);
    const rows = state.history.slice(first).map((line, offset) => `${String(first + offset + 1).padStart(5)}  ${line}\n`);
    io.stdout(rows.join(''));
    return 0;
  },
};
