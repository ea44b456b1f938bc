import { describe, expect, it } from 'vitest';
import { ExpansionError } from '../ast.ts';
import { ArgScope } from './arg-scope.ts';
import { expandWord, expandWords, referencedVariables, WordSyntaxError } from './expand.ts';

const vars = new Map([
  ['A', 'apple'],
  ['EMPTY', ''],
  ['PATHV', '/usr/local/bin/python3.12'],
  ['FILE', 'model.tar.gz'],
  ['SPACED', 'a b'],
  ['X_1', 'x1'],
]);

const rows: [text: string, expected: string][] = [
  ['plain', 'plain'],
  ['$A', 'apple'],
  ['${A}', 'apple'],
  ['pre-$A-post', 'pre-apple-post'],
  ['${A}s', 'apples'],
  ['$As', ''],
  ['$X_1', 'x1'],
  ['$UNSET', ''],
  ['${UNSET}', ''],
  ['${A:-w}', 'apple'],
  ['${UNSET:-w}', 'w'],
  ['${EMPTY:-w}', 'w'],
  ['${EMPTY-w}', ''],
  ['${UNSET-w}', 'w'],
  ['${A:+w}', 'w'],
  ['${EMPTY:+w}', ''],
  ['${EMPTY+w}', 'w'],
  ['${UNSET+w}', ''],
  ['${UNSET:-$A}', 'apple'],
  ['${UNSET:-${A}-x}', 'apple-x'],
  ['${UNSET:-"a b"}', 'a b'],
  ['${A:?must be set}', 'apple'],
  ['${FILE#*.}', 'tar.gz'],
  ['${FILE##*.}', 'gz'],
  ['${FILE%.*}', 'model.tar'],
  ['${FILE%%.*}', 'model'],
  ['${PATHV##*/}', 'python3.12'],
  ['${PATHV%/*}', '/usr/local/bin'],
  ['${FILE#nomatch}', 'model.tar.gz'],
  ['${FILE/tar/zip}', 'model.zip.gz'],
  ['${FILE//./_}', 'model_tar_gz'],
  ['${FILE/.gz/}', 'model.tar'],
  ['${FILE/m?del/x}', 'x.tar.gz'],
  ['${UNSET#x}', ''],
  ["'$A'", '$A'],
  ["'${A}'", '${A}'],
  ['"$A"', 'apple'],
  ['"a  b"', 'a  b'],
  ['\\$A', '$A'],
  ['\\${A}', '${A}'],
  ['"\\$A"', '$A'],
  ['"\\"q\\""', '"q"'],
  ['"a\\nb"', 'a\\nb'],
  ['a\\ b', 'a b'],
  ['$', '$'],
  ['a$', 'a$'],
  ['$-', ''],
  ['$1', ''],
  ['100%', '100%'],
  ['it"s"', 'its'],
  ["mixed'$A'\"$A\"$A", 'mixed$Aappleapple'],
];

describe('expandWord', () => {
  it.each(rows)('%s', (text, expected) => {
    expect(expandWord(text, vars)).toBe(expected);
  });

  it('backtick escape token', () => {
    expect(expandWord('`$A c:\\dir', vars, '`')).toBe('$A c:\\dir');
  });

  it('record variables', () => {
    expect(expandWord('$K', { K: 'v' })).toBe('v');
  });

  it('record ignores prototype names', () => {
    expect(expandWord('$toString', {})).toBe('');
  });

  it('reports unset names', () => {
    const unset: [string, boolean][] = [];
    expandWord('$A $B ${C:-x} ${EMPTY} ${D#x}', vars, '\\', { onUnset: (name, guarded) => unset.push([name, guarded]) });
    expect(unset).toEqual([['B', false], ['C', true], ['D', false]]);
  });

  const failures: [text: string, message: string][] = [
    ['${UNSET:?}', 'UNSET: is not allowed to be empty'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${UNSET?}', 'UNSET: is not allowed to be unset'],
    ['${UNSET:?set MODEL_PATH}', 'UNSET: set MODEL_PATH'],
  ];
  it.each(failures)('error %s', (text, message) => {
    expect(() => expandWord(text, vars)).toThrow(ExpansionError);
    expect(() => expandWord(text, vars)).toThrow(message);
  });

  it('empty is allowed without colon', () => {
    expect(expandWord('${EMPTY?}', vars)).toBe('');
  });

  const syntaxFailures: [text: string, message: string][] = [
    ["'open", 'unexpected end of statement while looking for matching single-quote'],
    ['"open', 'unexpected end of statement while looking for matching double-quote'],
    ['${A', "syntax error: missing '}'"],
    ['${A:-x', "syntax error: missing '}'"],
    ['${}', 'syntax error: bad substitution'],
    ['${:x}', 'syntax error: bad substitution'],
    ['${A/x}', "syntax error: missing '/' in ${}"],
    ['${A/x/y', "syntax error: missing '}'"],
    ['${A:x}', 'unsupported modifier (x) in substitution'],
  ];
  it.each(syntaxFailures)('syntax error %s', (text, message) => {
    expect(() => expandWord(text, vars)).toThrow(WordSyntaxError);
    expect(() => expandWord(text, vars)).toThrow(message);
  });
});

describe('expandWords', () => {
  const wordRows: [text: string, expected: string[]][] = [
    ['80 443', ['80', '443']],
    ['"a b" c', ['a b', 'c']],
    ['$SPACED', ['a', 'b']],
    ['"$SPACED"', ['a b']],
    ['  lead  trail  ', ['lead', 'trail']],
    ['$UNSET', []],
    ['a\\ b', ['a b']],
  ];
  it.each(wordRows)('%s', (text, expected) => {
    expect(expandWords(text, vars)).toEqual(expected);
  });
});

describe('referencedVariables', () => {
  const refRows: [text: string, expected: string[]][] = [
    ['$A ${B} ${C:-$D}', ['A', 'B', 'D', 'C']],
    ["'$A'", []],
    ['\\$A', []],
    ['${A', []],
  ];
  it.each(refRows)('%s', (text, expected) => {
    expect(referencedVariables(text).sort()).toEqual([...expected].sort());
  });
});

describe('ArgScope', () => {
  const declaration = (name: string, value?: string) => ({
    name,
    ...(value === undefined ? {} : { default: value }),
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  });

  it('global default', () => {
    const global = ArgScope.global();
    global.declare(declaration('PY', '3.12'));
    expect(global.variables().get('PY')).toBe('3.12');
  });

  it('build arg overrides default', () => {
    const global = ArgScope.global({ PY: '3.11' });
    expect(global.declare(declaration('PY', '3.12'))).toBe('3.11');
  });

  it('stage does not see global arg', () => {
    const global = ArgScope.global();
    global.declare(declaration('PY', '3.12'));
    expect(global.forStage().variables().has('PY')).toBe(false);
  });

  it('redeclared global arg takes global value', () => {
    const global = ArgScope.global();
    global.declare(declaration('PY', '3.12'));
    const stage = global.forStage();
    expect(stage.declare(declaration('PY'))).toBe('3.12');
  });

  it('stage default wins over global value', () => {
    const global = ArgScope.global();
    global.declare(declaration('PY', '3.12'));
    expect(global.forStage().declare(declaration('PY', '3.9'))).toBe('3.9');
  });

  it('declared without value stays unset', () => {
    const stage = ArgScope.global().forStage();
    expect(stage.declare(declaration('X'))).toBeUndefined();
    expect(stage.has('X')).toBe(true);
    expect(stage.variables().has('X')).toBe(false);
  });

  it('default expands earlier args', () => {
    const stage = ArgScope.global().forStage();
    stage.declare(declaration('BASE', '/opt'));
    expect(stage.declare(declaration('DIR', '${BASE}/app'))).toBe('/opt/app');
  });

  it('env wins over arg', () => {
    const stage = ArgScope.global().forStage();
    stage.declare(declaration('MODE', 'arg'));
    expect(stage.variables(new Map([['MODE', 'env']])).get('MODE')).toBe('env');
  });

  it('platform args visible in global scope only', () => {
    const global = ArgScope.global({}, { TARGETARCH: 'amd64' });
    expect(global.get('TARGETARCH')).toBe('amd64');
    const stage = global.forStage();
    expect(stage.get('TARGETARCH')).toBeUndefined();
    expect(stage.declare(declaration('TARGETARCH'))).toBe('amd64');
  });
});
