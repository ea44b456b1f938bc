import { describe, expect, it } from 'vitest';
import { parseLine, VARIABLE_CLOSE, VARIABLE_OPEN } from './parse.ts';

const variable = (name: string): string => `${VARIABLE_OPEN}${name}${VARIABLE_CLOSE}`;

/** Summarise a parse as connector + words + redirects, for compact table rows. */
function summarise(line: string): unknown {
  const result = parseLine(line);
  if (!result.ok) return { error: result.message };
  return result.list.map(({ connector, pipeline }) => {
    const summaries = pipeline.map((command) => ({
      words: command.words.map((word) => (word.glob ? `glob:${word.text}` : word.text)),
      redirects: command.redirects.map((redirect) => ('toStdout' in redirect ? '2>&1' : `${redirect.fd}${redirect.append ? '>>' : '>'}${redirect.target.text}`)),
    }));
    return pipeline.length === 1 ? { connector, ...summaries[0] } : { connector, pipeline: summaries };
  });
}

describe('parseLine', () => {
  it.each<[string, unknown]>([
    ['ls -la', [{ connector: ';', words: ['ls', '-la'], redirects: [] }]],
    ['echo "a b" \'c d\'', [{ connector: ';', words: ['echo', 'a b', 'c d'], redirects: [] }]],
    ['echo a\\ b', [{ connector: ';', words: ['echo', 'a b'], redirects: [] }]],
    ["echo '$HOME' \"$HOME\"", [{ connector: ';', words: ['echo', '$HOME', variable('HOME')], redirects: [] }]],
    ['echo ${TAG}-slim', [{ connector: ';', words: ['echo', `${variable('TAG')}-slim`], redirects: [] }]],
    ['echo hi > out.txt', [{ connector: ';', words: ['echo', 'hi'], redirects: ['1>out.txt'] }]],
    ['echo hi >>log', [{ connector: ';', words: ['echo', 'hi'], redirects: ['1>>log'] }]],
    ['ls nope 2> err.txt', [{ connector: ';', words: ['ls', 'nope'], redirects: ['2>err.txt'] }]],
    ['ls nope 2>>err.txt', [{ connector: ';', words: ['ls', 'nope'], redirects: ['2>>err.txt'] }]],
    ['ls nope > all.txt 2>&1', [{ connector: ';', words: ['ls', 'nope'], redirects: ['1>all.txt', '2>&1'] }]],
    ['echo 2 > two', [{ connector: ';', words: ['echo', '2'], redirects: ['1>two'] }]],
    ['echo "2>" x', [{ connector: ';', words: ['echo', '2>', 'x'], redirects: [] }]],
    [
      'mkdir a && cd a || echo failed; pwd',
      [
        { connector: ';', words: ['mkdir', 'a'], redirects: [] },
        { connector: '&&', words: ['cd', 'a'], redirects: [] },
        { connector: '||', words: ['echo', 'failed'], redirects: [] },
        { connector: ';', words: ['pwd'], redirects: [] },
      ],
    ],
    ['ls *.py', [{ connector: ';', words: ['ls', 'glob:*.py'], redirects: [] }]],
    ['ls # a comment', [{ connector: ';', words: ['ls'], redirects: [] }]],
    ['ls;', [{ connector: ';', words: ['ls'], redirects: [] }]],
    [
      'docker images | grep heart',
      [{ connector: ';', pipeline: [{ words: ['docker', 'images'], redirects: [] }, { words: ['grep', 'heart'], redirects: [] }] }],
    ],
    [
      'docker history a 2>&1 | head -n 3 > top.txt && ls',
      [
        { connector: ';', pipeline: [{ words: ['docker', 'history', 'a'], redirects: ['2>&1'] }, { words: ['head', '-n', '3'], redirects: ['1>top.txt'] }] },
        { connector: '&&', words: ['ls'], redirects: [] },
      ],
    ],
    ['| grep x', { error: "bash: syntax error near unexpected token `|'" }],
    ['ls |', { error: "bash: syntax error near unexpected token `newline'" }],
    ['ls | | wc', { error: "bash: syntax error near unexpected token `|'" }],
    ['ls |& wc', { error: 'bash: |&: piping standard error is not supported in this shell; use 2>&1 |' }],
    ['echo "open', { error: 'bash: unexpected EOF while looking for matching `"\'' }],
    ["echo 'open", { error: "bash: unexpected EOF while looking for matching `''" }],
    ['&& ls', { error: "bash: syntax error near unexpected token `&&'" }],
    ['ls &&', { error: "bash: syntax error near unexpected token `newline'" }],
    ['echo >', { error: "bash: syntax error near unexpected token `newline'" }],
    ['cat < file', { error: 'bash: input redirection (<) is not supported in this shell' }],
    ['echo ${', { error: 'bash: bad substitution' }],
    ['echo $(ls)', { error: 'bash: command substitution ($(...) and `...`) is not supported in this shell; run the inner command first' }],
    ['echo `ls`', { error: 'bash: command substitution ($(...) and `...`) is not supported in this shell; run the inner command first' }],
    ['echo "$(ls)"', { error: 'bash: command substitution ($(...) and `...`) is not supported in this shell; run the inner command first' }],
    ["echo '$(ls)'", [{ connector: ';', words: ['echo', '$(ls)'], redirects: [] }]],
    ['sleep 5 &', { error: 'bash: background jobs (&) are not supported in this shell' }],
  ])('%s', (line, expected) => {
    expect(summarise(line)).toEqual(expected);
  });
});
