import { describe, expect, it } from 'vitest';
import { createStderrPainter } from './stderr-colour.ts';

describe('createStderrPainter', () => {
  const rows: Array<[string, string[], string]> = [
    ['build progress stays plain', ['#1 [internal] load build definition\n#1 DONE 0.0s\n'], '#1 [internal] load build definition\n#1 DONE 0.0s\n'],
    ['an ERROR line is red', ['#5 DONE\nERROR: failed to solve: not found\n'], '#5 DONE\n\x1b[31mERROR: failed to solve: not found\x1b[0m\n'],
    ['a lower-case error line is red', ['error: invalid reference\n'], '\x1b[31merror: invalid reference\x1b[0m\n'],
    ['a word that only starts with error stays plain', ['errors=0\n'], 'errors=0\n'],
    ['a line split across chunks', ['ERR', 'OR: boom\nok\n'], '\x1b[31mERROR: boom\x1b[0m\nok\n'],
    ['an unfinished line is written on flush', ['Error: no newline'], '\x1b[31mError: no newline\x1b[0m'],
    ['an error later in a line stays plain', ['#8 4.9 ERROR: pip said so\n'], '#8 4.9 ERROR: pip said so\n'],
  ];
  it.each(rows)('%s', (_name, chunks, expected) => {
    let written = '';
    const painter = createStderrPainter((text) => {
      written += text;
    });
    for (const chunk of chunks) painter.write(chunk);
    painter.flush();
    expect(written).toBe(expected);
  });
});
