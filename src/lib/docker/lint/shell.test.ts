import { describe, expect, it } from 'vitest';
import { commandWords, parseShellScript, programName } from './shell.ts';

describe('parseShellScript', () => {
  const rows: [script: string, commands: string[][], pipe: boolean][] = [
    ['apt-get update && apt-get install -y curl', [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl']], false],
    ['a; b || c & d', [['a'], ['b'], ['c'], ['d']], false],
    ['curl x | tar xz', [['curl', 'x'], ['tar', 'xz']], true],
    ['echo "a && b" \'c | d\'', [['echo', 'a && b', 'c | d']], false],
    ['echo a\\ b', [['echo', 'a b']], false],
    ['a \\\n  b', [['a', 'b']], false],
    ['a\nb', [['a'], ['b']], false],
    ['echo $(cd /x && pwd)', [['echo', '$(cd /x && pwd)']], false],
    ['# comment\na # trailing', [['a']], false],
    ['echo a#b', [['echo', 'a#b']], false],
    ['(cd x && make)', [['cd', 'x'], ['make']], false],
    ['', [], false],
    ['"unterminated', [['unterminated']], false],
  ];
  it.each(rows)('%j', (script, commands, pipe) => {
    const parsed = parseShellScript(script);
    expect(parsed.commands.map((command) => command.words)).toEqual(commands);
    expect(parsed.hasPipe).toBe(pipe);
  });
});

describe('commandWords', () => {
  const rows: [words: string[], expected: string[]][] = [
    [['sudo', 'apt-get', 'install'], ['apt-get', 'install']],
    [['sudo', '-u', 'app', 'pip', 'install'], ['pip', 'install']],
    [['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install'], ['apt-get', 'install']],
    [['env', 'A=1', 'python'], ['python']],
    [['pip'], ['pip']],
  ];
  it.each(rows)('%j', (words, expected) => {
    expect(commandWords({ words, terminator: '' })).toEqual(expected);
  });

  it('programName strips directories', () => {
    expect(programName(['/usr/local/bin/pip3', 'install'])).toBe('pip3');
  });
});
