export { createShell, MAX_HISTORY, MAX_LINE_LENGTH } from './shell.ts';
export { parseLine } from './parse.ts';
export { builtins } from './builtins/index.ts';
export { CLEAR_SEQUENCE } from './builtins/terminal.ts';
export { DOCKER_STATE_DIR, LAB_HOME, LAB_ROOT } from './layout.ts';
export type { Completion, Shell, ShellIO, ShellLab, ShellOptions } from './types.ts';
