import { describe, expect, it } from 'vitest';
import type { Dockerfile, Instruction } from '../ast.ts';
import { parseDockerfile } from './index.ts';

/** Returns the instruction at `index`, failing the test when it is missing. */
function at(df: Dockerfile, index: number): Instruction {
  const instruction = df.instructions[index];
  if (!instruction) throw new Error(`no instruction ${index}`);
  return instruction;
}

/** Returns a field of the instruction at `index` by key, for table rows. */
function field(df: Dockerfile, index: number, key: string): unknown {
  return (at(df, index) as unknown as Record<string, unknown>)[key];
}

type Row = [name: string, source: string, select: (df: Dockerfile) => unknown, expected: unknown];

const directiveRows: Row[] = [
  ['syntax directive', '# syntax=docker/dockerfile:1\nFROM a', (d) => d.directives.map((x) => [x.name, x.value]), [['syntax', 'docker/dockerfile:1']]],
  ['escape backtick', '# escape=`\nFROM a', (d) => d.escapeToken, '`'],
  ['escape backslash', '# escape=\\\nFROM a', (d) => d.escapeToken, '\\'],
  ['check directive', '# check=skip=all\nFROM a', (d) => d.directives[0]?.value, 'skip=all'],
  ['key case-insensitive', '# SYNTAX=x\nFROM a', (d) => d.directives[0]?.name, 'syntax'],
  ['blanks around equals', '#  escape =  `  \nFROM a', (d) => d.escapeToken, '`'],
  ['no space after hash', '#escape=`\nFROM a', (d) => d.escapeToken, '`'],
  ['stops at plain comment', '# hello\n# escape=`\nFROM a', (d) => d.escapeToken, '\\'],
  ['stops at blank line', '\n# escape=`\nFROM a', (d) => d.escapeToken, '\\'],
  ['stops at unknown key', '# foo=bar\n# escape=`\nFROM a', (d) => d.directives.length, 0],
  ['stops at instruction', 'FROM a\n# escape=`\nRUN x', (d) => d.escapeToken, '\\'],
  ['indented hash is no directive', '  # escape=`\nFROM a', (d) => d.escapeToken, '\\'],
  ['several directives', '# syntax=x\n# escape=`\n# check=error=true\nFROM a', (d) => d.directives.map((x) => x.name), ['syntax', 'escape', 'check']],
  ['directive range', '# syntax=x\nFROM a', (d) => d.directives[0]?.range.start.line, 1],
  ['bom stripped before directive', '\uFEFF# escape=`\nFROM a', (d) => d.escapeToken, '`'],
  ['bom stripped before instruction', '\uFEFFFROM a', (d) => at(d, 0).keyword, 'FROM'],
  ['directive not an instruction', '# syntax=x\nFROM a', (d) => d.instructions.length, 1],
  ['comment after directives kept', '# syntax=x\n# note\nFROM a', (d) => d.comments.map((c) => c.value), ['# note']],
];

const lineRows: Row[] = [
  ['keyword upper-cased', 'from a', (d) => at(d, 0).keyword, 'FROM'],
  ['keyword as written', 'From a', (d) => at(d, 0).keywordAsWritten, 'From'],
  ['mixed case run', 'FROM a\nrUn echo', (d) => at(d, 1).kind, 'run'],
  ['leading blanks', '   FROM a', (d) => at(d, 0).range.start.column, 4],
  ['tab after keyword', 'FROM\talpine', (d) => field(d, 0, 'image'), { value: 'alpine', range: { start: { line: 1, column: 6 }, end: { line: 1, column: 12 } } }],
  ['continuation joins', 'FROM a\nRUN a \\\n  b', (d) => at(d, 1).original, 'RUN a   b'],
  ['continuation with blanks after escape', 'FROM a\nRUN a \\   \n b', (d) => at(d, 1).original, 'RUN a  b'],
  ['continuation drops comments', 'FROM a\nRUN a \\\n# note\n b', (d) => at(d, 1).original, 'RUN a  b'],
  ['continuation drops indented comments', 'FROM a\nRUN a \\\n    # note\n b', (d) => at(d, 1).original, 'RUN a  b'],
  ['empty continuation line kept going', 'FROM a\nRUN a \\\n\n b', (d) => at(d, 1).original, 'RUN a  b'],
  ['empty continuation warning', 'FROM a\nRUN a \\\n\n b', (d) => d.warnings.map((w) => [w.rule, w.message, w.range.start.line]), [['NoEmptyContinuation', 'Empty continuation line', 4]]],
  ['no warning without empty line', 'FROM a\nRUN a \\\n b', (d) => d.warnings.length, 0],
  ['file ends in continuation', 'FROM a\nRUN a \\', (d) => at(d, 1).original, 'RUN a'],
  ['file ends in continuation and newline', 'FROM a\nRUN a \\\n', (d) => at(d, 1).original, 'RUN a'],
  ['escaped escape is not continuation', 'FROM a\nRUN echo \\\\\nRUN b', (d) => d.instructions.length, 3],
  ['backtick continuation', '# escape=`\nFROM a\nRUN a `\n b', (d) => at(d, 1).original, 'RUN a  b'],
  ['backslash literal under backtick', '# escape=`\nFROM a\nRUN dir c:\\\nRUN b', (d) => d.instructions.length, 3],
  ['hash mid-line is ordinary', 'FROM a\nRUN echo a # b', (d) => field(d, 1, 'command'), 'echo a # b'],
  ['comment lines collected', '# one\nFROM a\n  # two', (d) => d.comments.map((c) => [c.value, c.range.start.line]), [['# one', 1], ['# two', 3]]],
  ['blank lines skipped', '\n\nFROM a\n\n\nRUN b\n', (d) => d.instructions.map((i) => i.range.start.line), [3, 6]],
  ['crlf lines stripped', 'FROM a\r\nRUN b\r\n', (d) => field(d, 1, 'command'), 'b'],
  ['crlf lines recorded', 'FROM a\r\nRUN b\r\nCMD c', (d) => d.crlfLines, [1, 2]],
  ['line count with final newline', 'FROM a\nRUN b\n', (d) => d.lineCount, 2],
  ['line count without final newline', 'FROM a\nRUN b', (d) => d.lineCount, 2],
  ['range of multi-line instruction', 'FROM a\nRUN a \\\n  bb', (d) => at(d, 1).range, { start: { line: 2, column: 1 }, end: { line: 3, column: 5 } }],
  ['keyword range', 'FROM a\n  RUN b', (d) => at(d, 1).keywordRange, { start: { line: 2, column: 3 }, end: { line: 2, column: 6 } }],
  ['lone escape line starts continuation', 'FROM a\nRUN \\\n  b', (d) => at(d, 1).original, 'RUN   b'],
  ['trailing blanks trimmed', 'FROM a   ', (d) => at(d, 0).original, 'FROM a'],
  ['word range on continued line', 'FROM a\nCOPY x \\\n  y', (d) => (at(d, 1) as { destination: { range: unknown } }).destination.range, { start: { line: 3, column: 3 }, end: { line: 3, column: 4 } }],
];

const fromRows: Row[] = [
  ['image', 'FROM python:3.12-slim', (d) => d.stages[0]?.baseImage, 'python:3.12-slim'],
  ['stage name', 'FROM a AS build', (d) => d.stages[0]?.name, 'build'],
  ['stage name lower-cased', 'FROM a AS Build', (d) => d.stages[0]?.name, 'build'],
  ['stage name as written', 'FROM a AS Build', (d) => (at(d, 0) as { stageName?: { value: string } }).stageName?.value, 'Build'],
  ['lowercase as', 'FROM a as b', (d) => field(d, 0, 'asKeyword'), 'as'],
  ['platform flag', 'FROM --platform=linux/amd64 a', (d) => field(d, 0, 'platform'), 'linux/amd64'],
  ['platform variable', 'FROM --platform=$BUILDPLATFORM a', (d) => field(d, 0, 'platform'), '$BUILDPLATFORM'],
  ['variable in image', 'ARG V=1\nFROM a:${V}', (d) => d.stages[0]?.baseImage, 'a:${V}'],
  ['meta args', 'ARG A\nARG B=2\nFROM a', (d) => d.metaArgs.flatMap((m) => m.args.map((x) => x.name)), ['A', 'B']],
  ['stages split', 'FROM a AS one\nRUN x\nFROM b\nRUN y\nRUN z', (d) => d.stages.map((s) => s.instructions.length), [1, 2]],
  ['stage from index', 'ARG A\nFROM a\nRUN x\nFROM b', (d) => d.stages.map((s) => s.fromIndex), [1, 3]],
  ['stage name with dots and dashes', 'FROM a AS my-stage_1.x', (d) => d.stages[0]?.name, 'my-stage_1.x'],
  ['scratch', 'FROM scratch', (d) => d.stages[0]?.baseImage, 'scratch'],
  ['digest reference', 'FROM a@sha256:abc', (d) => d.stages[0]?.baseImage, 'a@sha256:abc'],
];

const commandRows: Row[] = [
  ['run shell form', 'FROM a\nRUN pip install x', (d) => [field(d, 1, 'form'), field(d, 1, 'command')], ['shell', 'pip install x']],
  ['run exec form', 'FROM a\nRUN ["pip","install","x"]', (d) => [field(d, 1, 'form'), field(d, 1, 'args')], ['exec', ['pip', 'install', 'x']]],
  ['exec form with spaces', 'FROM a\nCMD [ "a" , "b" ]', (d) => field(d, 1, 'args'), ['a', 'b']],
  ['single quotes fall back', "FROM a\nCMD ['a','b']", (d) => [field(d, 1, 'form'), field(d, 1, 'command')], ['shell', "['a','b']"]],
  ['nested array falls back', 'FROM a\nCMD [["a"]]', (d) => field(d, 1, 'form'), 'shell'],
  ['number falls back', 'FROM a\nCMD ["a", 1]', (d) => field(d, 1, 'form'), 'shell'],
  ['unterminated falls back', 'FROM a\nCMD ["a"', (d) => field(d, 1, 'form'), 'shell'],
  ['trailing text falls back', 'FROM a\nCMD ["a"] b', (d) => field(d, 1, 'form'), 'shell'],
  ['object falls back', 'FROM a\nCMD {"a":1}', (d) => field(d, 1, 'form'), 'shell'],
  ['empty exec array', 'FROM a\nCMD []', (d) => field(d, 1, 'args'), []],
  ['json escapes decoded', 'FROM a\nCMD ["a\\"b", "c\\\\d"]', (d) => field(d, 1, 'args'), ['a"b', 'c\\d']],
  ['entrypoint exec', 'FROM a\nENTRYPOINT ["python", "app.py"]', (d) => [at(d, 1).kind, field(d, 1, 'args')], ['entrypoint', ['python', 'app.py']]],
  ['entrypoint shell', 'FROM a\nENTRYPOINT python app.py', (d) => field(d, 1, 'command'), 'python app.py'],
  ['empty cmd allowed', 'FROM a\nCMD', (d) => field(d, 1, 'command'), ''],
  ['run mount flag', 'FROM a\nRUN --mount=type=cache,target=/root/.cache pip install x', (d) => at(d, 1).flags.map((f) => [f.name, f.value]), [['mount', 'type=cache,target=/root/.cache']]],
  ['run several mounts', 'FROM a\nRUN --mount=type=secret,id=a --mount=type=ssh x', (d) => at(d, 1).flags.length, 2],
  ['run network flag', 'FROM a\nRUN --network=none x', (d) => at(d, 1).flags[0]?.value, 'none'],
  ['flag range', 'FROM a\nRUN --network=none x', (d) => at(d, 1).flags[0]?.range, { start: { line: 2, column: 5 }, end: { line: 2, column: 19 } }],
  ['double dash ends flags', 'FROM a\nRUN -- --not-a-flag', (d) => field(d, 1, 'command'), '--not-a-flag'],
  ['quoted flag value', 'FROM a\nCOPY --chown="app:app" a b', (d) => field(d, 1, 'chown'), 'app:app'],
  ['shell exec form', 'FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]', (d) => field(d, 1, 'args'), ['/bin/bash', '-o', 'pipefail', '-c']],
  ['args text', 'FROM a\nRUN --network=host echo hi', (d) => at(d, 1).argsText, 'echo hi'],
];

const copyRows: Row[] = [
  ['copy sources and destination', 'FROM a\nCOPY a b /app/', (d) => [(at(d, 1) as { sources: { value: string }[] }).sources.map((s) => s.value), field(d, 1, 'destination')], [['a', 'b'], { value: '/app/', range: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } } }]],
  ['copy json form', 'FROM a\nCOPY ["my file", "/app/"]', (d) => [field(d, 1, 'form'), (at(d, 1) as { sources: { value: string }[] }).sources[0]?.value], ['exec', 'my file']],
  ['copy from flag', 'FROM a AS b\nFROM c\nCOPY --from=b /x /y', (d) => field(d, 2, 'from'), 'b'],
  ['copy chmod', 'FROM a\nCOPY --chmod=755 a b', (d) => field(d, 1, 'chmod'), '755'],
  ['copy link bare', 'FROM a\nCOPY --link a b', (d) => field(d, 1, 'link'), true],
  ['copy link false', 'FROM a\nCOPY --link=false a b', (d) => field(d, 1, 'link'), false],
  ['copy without link', 'FROM a\nCOPY a b', (d) => field(d, 1, 'link'), false],
  ['copy exclude repeats', 'FROM a\nCOPY --exclude=*.md --exclude=*.txt . /app', (d) => at(d, 1).flags.map((f) => f.value), ['*.md', '*.txt']],
  ['copy parents', 'FROM a\nCOPY --parents a/b /c', (d) => at(d, 1).flags[0]?.name, 'parents'],
  ['add kind', 'FROM a\nADD x.tar.gz /opt/', (d) => at(d, 1).kind, 'add'],
  ['add checksum', 'FROM a\nADD --checksum=sha256:abc https://x/y /z', (d) => at(d, 1).flags[0]?.value, 'sha256:abc'],
  ['add keep-git-dir', 'FROM a\nADD --keep-git-dir=true git@x:y /z', (d) => at(d, 1).flags[0]?.name, 'keep-git-dir'],
  ['copy dot dot', 'FROM a\nCOPY . .', (d) => (at(d, 1) as { destination: { value: string } }).destination.value, '.'],
  ['copy variable kept raw', 'FROM a\nCOPY $SRC /app', (d) => (at(d, 1) as { sources: { value: string }[] }).sources[0]?.value, '$SRC'],
];

const keyValueRows: Row[] = [
  ['env pair', 'FROM a\nENV A=1', (d) => field(d, 1, 'pairs'), [{ key: 'A', value: '1', legacy: false, range: { start: { line: 2, column: 5 }, end: { line: 2, column: 8 } } }]],
  ['env several pairs', 'FROM a\nENV A=1 B=2 C=3', (d) => (at(d, 1) as { pairs: { key: string }[] }).pairs.map((p) => p.key), ['A', 'B', 'C']],
  ['env quoted value kept raw', 'FROM a\nENV A="x y"', (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs[0]?.value, '"x y"'],
  ['env single quoted', "FROM a\nENV A='x y' B=2", (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs.map((p) => p.value), ["'x y'", '2']],
  ['env escaped space', 'FROM a\nENV A=x\\ y B=2', (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs.map((p) => p.value), ['x\\ y', '2']],
  ['env empty value', 'FROM a\nENV A=', (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs[0]?.value, ''],
  ['env value with equals', 'FROM a\nENV URL=a=b', (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs[0]?.value, 'a=b'],
  ['env legacy', 'FROM a\nENV A hello world', (d) => field(d, 1, 'pairs'), [{ key: 'A', value: 'hello world', legacy: true, range: { start: { line: 2, column: 5 }, end: { line: 2, column: 18 } } }]],
  ['env legacy with equals in value', 'FROM a\nENV A b=c', (d) => (at(d, 1) as { pairs: { value: string }[] }).pairs[0]?.value, 'b=c'],
  ['env across lines', 'FROM a\nENV A=1 \\\n    B=2', (d) => (at(d, 1) as { pairs: { key: string }[] }).pairs.map((p) => p.key), ['A', 'B']],
  ['label pairs', 'FROM a\nLABEL org.opencontainers.image.source="x" version=1', (d) => [at(d, 1).kind, (at(d, 1) as { pairs: { key: string }[] }).pairs.map((p) => p.key)], ['label', ['org.opencontainers.image.source', 'version']]],
  ['label quoted key', 'FROM a\nLABEL "my key"=v', (d) => (at(d, 1) as { pairs: { key: string }[] }).pairs[0]?.key, '"my key"'],
  ['label legacy', 'FROM a\nLABEL maintainer someone', (d) => (at(d, 1) as { pairs: { legacy: boolean }[] }).pairs[0]?.legacy, true],
  ['arg name', 'FROM a\nARG X', (d) => field(d, 1, 'args'), [{ name: 'X', range: { start: { line: 2, column: 5 }, end: { line: 2, column: 6 } } }]],
  ['arg default', 'FROM a\nARG X=1', (d) => (at(d, 1) as { args: { default?: string }[] }).args[0]?.default, '1'],
  ['arg empty default', 'FROM a\nARG X=', (d) => (at(d, 1) as { args: { default?: string }[] }).args[0]?.default, ''],
  ['arg quoted default', 'FROM a\nARG X="a b"', (d) => (at(d, 1) as { args: { default?: string }[] }).args[0]?.default, '"a b"'],
  ['arg several', 'FROM a\nARG X=1 Y', (d) => (at(d, 1) as { args: { name: string }[] }).args.map((a) => a.name), ['X', 'Y']],
  ['arg without default has none', 'FROM a\nARG X', (d) => 'default' in ((at(d, 1) as { args: object[] }).args[0] ?? {}), false],
];

const otherRows: Row[] = [
  ['expose ports', 'FROM a\nEXPOSE 80 443/tcp 53/udp', (d) => (at(d, 1) as { ports: { value: string }[] }).ports.map((p) => p.value), ['80', '443/tcp', '53/udp']],
  ['expose variable', 'FROM a\nEXPOSE $PORT', (d) => (at(d, 1) as { ports: { value: string }[] }).ports[0]?.value, '$PORT'],
  ['workdir', 'FROM a\nWORKDIR /app', (d) => (at(d, 1) as { path: { value: string } }).path.value, '/app'],
  ['workdir with space kept whole', 'FROM a\nWORKDIR /my app', (d) => (at(d, 1) as { path: { value: string } }).path.value, '/my app'],
  ['user', 'FROM a\nUSER app:app', (d) => (at(d, 1) as { user: { value: string } }).user.value, 'app:app'],
  ['user numeric', 'FROM a\nUSER 1000', (d) => (at(d, 1) as { user: { value: string } }).user.value, '1000'],
  ['volume shell form', 'FROM a\nVOLUME /data /logs', (d) => (at(d, 1) as { paths: { value: string }[] }).paths.map((p) => p.value), ['/data', '/logs']],
  ['volume json form', 'FROM a\nVOLUME ["/data"]', (d) => [field(d, 1, 'form'), (at(d, 1) as { paths: { value: string }[] }).paths[0]?.value], ['exec', '/data']],
  ['stopsignal', 'FROM a\nSTOPSIGNAL SIGTERM', (d) => (at(d, 1) as { signal: { value: string } }).signal.value, 'SIGTERM'],
  ['maintainer', 'FROM a\nMAINTAINER Jane <j@x.org>', (d) => field(d, 1, 'name'), 'Jane <j@x.org>'],
  ['healthcheck none', 'FROM a\nHEALTHCHECK NONE', (d) => field(d, 1, 'test'), 'NONE'],
  ['healthcheck none lower case', 'FROM a\nHEALTHCHECK none', (d) => field(d, 1, 'test'), 'NONE'],
  ['healthcheck cmd shell', 'FROM a\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1', (d) => field(d, 1, 'command'), 'curl -f http://localhost/ || exit 1'],
  ['healthcheck cmd exec', 'FROM a\nHEALTHCHECK CMD ["curl", "-f", "x"]', (d) => field(d, 1, 'args'), ['curl', '-f', 'x']],
  ['healthcheck options', 'FROM a\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD x', (d) => field(d, 1, 'options'), { interval: '30s', timeout: '3s', startPeriod: '5s', startInterval: '1s', retries: 3 }],
  ['healthcheck compound duration', 'FROM a\nHEALTHCHECK --interval=1m30s CMD x', (d) => (field(d, 1, 'options') as { interval: string }).interval, '1m30s'],
  ['healthcheck zero duration', 'FROM a\nHEALTHCHECK --timeout=0 CMD x', (d) => (field(d, 1, 'options') as { timeout: string }).timeout, '0'],
  ['onbuild trigger', 'FROM a\nONBUILD RUN make', (d) => { const t = (at(d, 1) as { trigger: Instruction }).trigger; return [t.kind, (t as { command: string }).command]; }, ['run', 'make']],
  ['onbuild trigger range', 'FROM a\nONBUILD COPY . /app', (d) => (at(d, 1) as { trigger: Instruction }).trigger.keywordRange, { start: { line: 2, column: 9 }, end: { line: 2, column: 13 } }],
  ['onbuild trigger destination', 'FROM a\nONBUILD COPY . /app', (d) => ((at(d, 1) as { trigger: { destination: { value: string; range: unknown } } }).trigger.destination), { value: '/app', range: { start: { line: 2, column: 16 }, end: { line: 2, column: 20 } } }],
  ['unknown instruction parses', 'FROM a\nFOO bar', (d) => [at(d, 1).kind, at(d, 1).keyword, at(d, 1).argsText], ['unknown', 'FOO', 'bar']],
  ['unknown keeps flags unchecked', 'FROM a\nFOO --x=1 bar', (d) => at(d, 1).flags.map((f) => f.name), ['x']],
  ['instruction before from kept', 'RUN x\nFROM a', (d) => [d.instructions.length, d.stages[0]?.instructions.length], [2, 0]],
];

const heredocRows: Row[] = [
  ['run heredoc', 'FROM a\nRUN <<EOF\necho hi\nEOF', (d) => at(d, 1).heredocs.map((h) => [h.delimiter, h.content, h.quoted, h.stripTabs]), [['EOF', 'echo hi\n', false, false]]],
  ['heredoc range covers body', 'FROM a\nRUN <<EOF\necho hi\nEOF\nCMD x', (d) => at(d, 1).range.end, { line: 4, column: 4 }],
  ['next instruction after heredoc', 'FROM a\nRUN <<EOF\necho hi\nEOF\nCMD x', (d) => [at(d, 2).kind, at(d, 2).range.start.line], ['cmd', 5]],
  ['heredoc body keeps comments', 'FROM a\nRUN <<EOF\n# not a comment\n\nEOF', (d) => at(d, 1).heredocs[0]?.content, '# not a comment\n\n'],
  ['heredoc body keeps escapes', 'FROM a\nRUN <<EOF\na \\\nb\nEOF', (d) => at(d, 1).heredocs[0]?.content, 'a \\\nb\n'],
  ['strip tabs', 'FROM a\nRUN <<-EOF\n\t\techo hi\n\tEOF', (d) => at(d, 1).heredocs.map((h) => [h.content, h.stripTabs]), [['echo hi\n', true]]],
  ['strip tabs keeps spaces', 'FROM a\nRUN <<-EOF\n  echo\n\tEOF', (d) => at(d, 1).heredocs[0]?.content, '  echo\n'],
  ['tabbed terminator needs dash', 'FROM a\nRUN <<EOF\nx\n\tEOF\nEOF', (d) => at(d, 1).heredocs[0]?.content, 'x\n\tEOF\n'],
  ['double-quoted delimiter', 'FROM a\nRUN <<"EOF"\n$HOME\nEOF', (d) => at(d, 1).heredocs.map((h) => [h.delimiter, h.quoted]), [['EOF', true]]],
  ['single-quoted delimiter', "FROM a\nRUN <<'END'\nx\nEND", (d) => at(d, 1).heredocs.map((h) => [h.delimiter, h.quoted]), [['END', true]]],
  ['two heredocs', 'FROM a\nRUN cat <<A <<B\na\nA\nb\nB', (d) => at(d, 1).heredocs.map((h) => [h.delimiter, h.content]), [['A', 'a\n'], ['B', 'b\n']]],
  ['fd prefix', 'FROM a\nRUN python3 3<<EOF\nx\nEOF', (d) => at(d, 1).heredocs[0]?.fd, 3],
  ['no fd by default', 'FROM a\nRUN <<EOF\nx\nEOF', (d) => 'fd' in (at(d, 1).heredocs[0] ?? {}), false],
  ['copy heredoc source', 'FROM a\nCOPY <<EOF /app/conf\nk=v\nEOF', (d) => [(at(d, 1) as { sources: { value: string }[] }).sources[0]?.value, at(d, 1).heredocs[0]?.content], ['<<EOF', 'k=v\n']],
  ['add heredoc', 'FROM a\nADD <<EOF /x\ny\nEOF', (d) => at(d, 1).heredocs.length, 1],
  ['heredoc after command', 'FROM a\nRUN cat > /f <<EOF\nx\nEOF', (d) => [field(d, 1, 'command'), at(d, 1).heredocs[0]?.delimiter], ['cat > /f <<EOF', 'EOF']],
  ['shift is no heredoc', 'FROM a\nRUN echo $((1<<2))', (d) => at(d, 1).heredocs.length, 0],
  ['spaced marker is no heredoc', 'FROM a\nRUN cat << EOF', (d) => at(d, 1).heredocs.length, 0],
  ['heredoc ignored on cmd', 'FROM a\nCMD <<EOF\nRUN x', (d) => d.instructions.length, 3],
  ['onbuild heredoc', 'FROM a\nONBUILD RUN <<EOF\nx\nEOF', (d) => at(d, 1).heredocs[0]?.content, 'x\n'],
  ['empty heredoc', 'FROM a\nRUN <<EOF\nEOF', (d) => at(d, 1).heredocs[0]?.content, ''],
  ['heredoc after continuation', 'FROM a\nRUN cat \\\n <<EOF\nx\nEOF', (d) => at(d, 1).heredocs[0]?.content, 'x\n'],
  ['heredoc lower-case run', 'FROM a\nrun <<EOF\nx\nEOF', (d) => at(d, 1).heredocs.length, 1],
];

describe('parseDockerfile', () => {
  const groups: [string, Row[]][] = [
    ['directives', directiveRows],
    ['lines', lineRows],
    ['FROM', fromRows],
    ['commands', commandRows],
    ['COPY and ADD', copyRows],
    ['ENV, LABEL, ARG', keyValueRows],
    ['other instructions', otherRows],
    ['heredocs', heredocRows],
  ];

  for (const [group, rows] of groups) {
    describe(group, () => {
      it.each(rows)('%s', (_name, source, select, expected) => {
        expect(select(parseDockerfile(source))).toEqual(expected);
      });
    });
  }
});
