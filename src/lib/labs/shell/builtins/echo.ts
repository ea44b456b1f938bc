import type { Builtin } from '../types.ts';

export const echo: Builtin = {
  summary: 'print text (-n: no trailing newline); use > or >> to write it to a file',
  async run({ args, io }) {
    const noNewline = args[0] === '-n';
    const words = noNewline ? args.slice(1) : args;
    io.stdout(words.join(' ') + (noNewline ? '' : '\n'));
    return 0;
  },
};
