/** Start of a line that reports a failure, as Docker, BuildKit and the shell print them. */
const ERROR_LINE = /^(ERROR|Error|error)(:|\s)/;

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

/**
 * Colour a command's stderr for the terminal. Docker writes BuildKit progress
 * to stderr and terminals show it in the normal colour, so only lines that
 * start with `ERROR`, `Error` or `error` turn red. `write` keeps an unfinished
 * line until its newline arrives, so a line split across chunks is judged
 * whole. `flush` writes what is left when the command ends.
 */
export function createStderrPainter(output: (text: string) => void): { write(text: string): void; flush(): void } {
  let pending = '';

  const paint = (line: string): string => (ERROR_LINE.test(line) ? `${RED}${line}${RESET}` : line);

  return {
    write(text) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      if (lines.length > 0) output(lines.map((line) => `${paint(line)}\n`).join(''));
    },
    flush() {
      if (pending === '') return;
      output(paint(pending));
      pending = '';
    },
  };
}
