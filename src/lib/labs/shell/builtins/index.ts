import type { Builtin } from '../types.ts';
import { cat } from './cat.ts';
import { docker } from './docker.ts';
import { echo } from './echo.ts';
import { lab } from './lab.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { cd, pwd } from './navigation.ts';
import { rm } from './rm.ts';
import { clear, history } from './terminal.ts';
import { grep, head, tail, wc } from './text.ts';
import { touch } from './touch.ts';

const help: Builtin = {
  summary: 'list the commands this shell provides',
  async run({ io, state }) {
    const width = Math.max(...state.builtinNames.map((name) => name.length));
    const rows = state.builtinNames.map((name) => `  ${name.padEnd(width)}  ${builtins[name]?.summary ?? ''}\n`);
    io.stdout(`Commands of this shell:\n${rows.join('')}Operators: ; && || | > >> 2> 2>&1, quotes and $VARIABLES. A pipe (|) feeds one command's output to the next.\n`);
    return 0;
  },
};

/** Every built-in command of the lab shell, by name. */
export const builtins: Record<string, Builtin> = {
  cat,
  cd,
  clear,
  docker,
  echo,
  grep,
  head,
  help,
  history,
  lab,
  ls,
  mkdir,
  pwd,
  rm,
  tail,
  touch,
  wc,
};
