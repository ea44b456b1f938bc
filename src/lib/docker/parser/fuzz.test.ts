import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpansionError, ParseError } from '../ast.ts';
import { lintDockerfile } from '../lint/index.ts';
import { expandWord, parseDockerfile, WordSyntaxError } from './index.ts';

/** Fragments that exercise every branch of the line scanner and instruction parsers. */
const FRAGMENTS = [
  'FROM ', 'from ', 'RUN ', 'CMD ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'LABEL ', 'EXPOSE ', 'WORKDIR ',
  'USER ', 'VOLUME ', 'SHELL ', 'HEALTHCHECK ', 'ONBUILD ', 'STOPSIGNAL ', 'MAINTAINER ', 'ENTRYPOINT ', 'FOO ',
  'alpine', ' AS ', 'b', '=', '"', "'", '\\', '`', '\n', '\r\n', '\t', ' ', '#', '# escape=`\n', '# syntax=x\n',
  '<<EOF', '<<-EOF', '<<"EOF"', '3<<EOF', '\nEOF\n', '\tEOF', '[', ']', '","', '["a"]', '--from=x ', '--link ',
  '--boo ', '--interval=', '30s', 'CMD', 'NONE', '$', '${', '}', ':-', '#', '%', '/', '\uFEFF', '\u00e9', '\u{1F600}',
] as const;

const dockerfileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('parser robustness', () => {
  it(
    'only ParseError escapes parse and lint',
    () => {
      fc.assert(
        fc.property(dockerfileText, (text) => {
          try {
            const dockerfile = parseDockerfile(text);
            lintDockerfile(dockerfile, { files: ['app.py', '.git/HEAD'] });
          } catch (error) {
            if (!(error instanceof ParseError)) throw error;
          }
        }),
        { numRuns: 3000 },
      );
    },
    60_000,
  );

  it(
    'only expansion errors escape expandWord',
    () => {
      const vars = new Map([['A', 'apple'], ['E', '']]);
      fc.assert(
        fc.property(fc.array(fc.constantFrom('$', '{', '}', 'A', 'E', ':', '-', '+', '?', '#', '%', '/', '*', '"', "'", '\\', 'x', ' '), { maxLength: 30 }), (parts) => {
          try {
            expandWord(parts.join(''), vars);
          } catch (error) {
            if (!(error instanceof ExpansionError) && !(error instanceof WordSyntaxError)) throw error;
          }
        }),
        { numRuns: 3000 },
      );
    },
    60_000,
  );

  // Inputs that make backtracking regular expressions slow; each must finish within the test timeout.
  const longLines: [string, string][] = [
    ['many escapes', `FROM a\nRUN ${'\\ '.repeat(50_000)}x`],
    ['many quotes', `FROM a\nENV A=${'"'.repeat(50_001)}`],
    ['long json', `FROM a\nCMD [${'"a",'.repeat(50_000)}"b"]`],
    ['long continuation', `FROM a\nRUN a ${'\\\n b '.repeat(20_000)}`],
    ['many heredoc markers', `FROM a\nRUN ${'<<A '.repeat(2_000)}\n${'A\n'.repeat(2_000)}`],
    ['many flags', `FROM a\nRUN ${'--mount=type=cache,target=/x '.repeat(10_000)}x`],
    ['long blank run', `FROM a\nRUN a${' '.repeat(100_000)}b`],
  ];
  it.each(longLines)(
    'long input: %s',
    (_name, text) => {
      const dockerfile = parseDockerfile(text);
      expect(dockerfile.instructions.length).toBeGreaterThan(1);
      lintDockerfile(dockerfile);
    },
    20_000,
  );
});
