import { describe, expect, it } from 'vitest';
import { ParseError } from '../ast.ts';
import { assertBuildable, findBuildError, parseDockerfile } from './index.ts';

/** Returns the ParseError thrown by `run`, failing the test when nothing or something else is thrown. */
function parseErrorOf(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

const rows: [source: string, message: string, line: number][] = [
  ['', 'file with no instructions', 1],
  ['# just a comment\n\n', 'file with no instructions', 2],
  ['# syntax=x\n', 'file with no instructions', 1],
  ['FROM a\nRUN <<EOF\necho', 'unterminated heredoc', 2],
  ['FROM a\nRUN <<EOF <<END\nx\nEOF\ny', 'unterminated heredoc', 2],
  ['FROM a\nRUN <<-EOF\n  EOF', 'unterminated heredoc', 2],
  ['# escape=x\nFROM a', "invalid escape token 'x' does not match ` or \\", 1],
  ['# escape=\\\n# escape=`\nFROM a', 'only one escape parser directive can be used', 2],
  ['# syntax=a\n# SYNTAX=b\nFROM a', 'only one syntax parser directive can be used', 2],
  ['FROM', 'FROM requires either one or three arguments', 1],
  ['FROM a b', 'FROM requires either one or three arguments', 1],
  ['FROM a AT b', 'FROM requires either one or three arguments', 1],
  ['FROM a AS b c', 'FROM requires either one or three arguments', 1],
  ['FROM a AS 1st', 'invalid name for build stage: "1st", name can\'t start with a number or contain symbols', 1],
  ['FROM a AS my/stage', 'invalid name for build stage: "my/stage", name can\'t start with a number or contain symbols', 1],
  ['FROM --plat=x a', 'unknown flag: --plat', 1],
  ['FROM --platfrom=x a', 'unknown flag: --platfrom (did you mean platform?)', 1],
  ['FROM --platform a', 'missing a value on flag: --platform', 1],
  ['FROM a\nCOPY app.py', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2],
  ['FROM a\nCOPY', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2],
  ['FROM a\nADD x', 'ADD requires at least two arguments, but only one was provided. Destination could not be determined', 2],
  ['FROM a\nCOPY ["x"]', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2],
  ['FROM a\nCOPY x <<EOF\nbody\nEOF', 'COPY cannot accept a heredoc as a destination', 2],
  ['FROM a\nCOPY --boo a b', 'unknown flag: --boo', 2],
  ['FROM a\nCOPY --form=x a b', 'unknown flag: --form (did you mean from?)', 2],
  ['FROM a\nCOPY --from=a --from=b x y', 'duplicate flag specified: --from', 2],
  ['FROM a\nCOPY --link=maybe a b', 'expecting boolean value for flag --link, not: maybe', 2],
  ['FROM a\nCOPY --link= a b', 'missing a value on flag: --link', 2],
  ['FROM a\nCOPY --chown a b', 'missing a value on flag: --chown', 2],
  ['FROM a\nADD --from=x a b', 'unknown flag: --from', 2],
  ['FROM a\nRUN --boo x', 'unknown flag: --boo', 2],
  ['FROM a\nWORKDIR --boo /x', 'unknown flag: --boo', 2],
  ['FROM a\nENV', 'ENV requires at least one argument', 2],
  ['FROM a\nENV A', 'ENV must have two arguments', 2],
  ['FROM a\nENV =x', 'ENV names can not be blank', 2],
  ['FROM a\nENV A=1 B', 'Syntax error - can\'t find = in "B". Must be of the form: name=value', 2],
  ['FROM a\nLABEL', 'LABEL requires at least one argument', 2],
  ['FROM a\nLABEL only', 'LABEL must have two arguments', 2],
  ['FROM a\nLABEL =v', 'LABEL names can not be blank', 2],
  ['FROM a\nARG', 'ARG requires at least one argument', 2],
  ['FROM a\nARG =x', 'ARG names can not be blank', 2],
  ['FROM a\nRUN', 'RUN requires at least one argument', 2],
  ['FROM a\nSHELL', 'SHELL requires at least one argument', 2],
  ['FROM a\nSHELL []', 'SHELL requires at least one argument', 2],
  ['FROM a\nSHELL /bin/bash -c', 'SHELL requires the arguments to be in JSON form', 2],
  ['FROM a\nSHELL [\'/bin/bash\']', 'SHELL requires the arguments to be in JSON form', 2],
  ['FROM a\nWORKDIR', 'WORKDIR requires exactly one argument', 2],
  ['FROM a\nUSER', 'USER requires exactly one argument', 2],
  ['FROM a\nSTOPSIGNAL', 'STOPSIGNAL requires exactly one argument', 2],
  ['FROM a\nMAINTAINER', 'MAINTAINER requires exactly one argument', 2],
  ['FROM a\nEXPOSE', 'EXPOSE requires at least one argument', 2],
  ['FROM a\nVOLUME', 'VOLUME requires at least one argument', 2],
  ['FROM a\nVOLUME ["/a", ""]', 'VOLUME specified can not be an empty string', 2],
  ['FROM a\nONBUILD', 'ONBUILD requires at least one argument', 2],
  ['FROM a\nONBUILD ONBUILD RUN x', "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", 2],
  ['FROM a\nONBUILD FROM b', "FROM isn't allowed as an ONBUILD trigger", 2],
  ['FROM a\nONBUILD MAINTAINER me', "MAINTAINER isn't allowed as an ONBUILD trigger", 2],
  ['FROM a\nONBUILD COPY x', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2],
  ['FROM a\nHEALTHCHECK', 'HEALTHCHECK requires at least one argument', 2],
  ['FROM a\nHEALTHCHECK NONE x', 'HEALTHCHECK NONE takes no arguments', 2],
  ['FROM a\nHEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD', 2],
  ['FROM a\nHEALTHCHECK RUN x', 'Unknown type "RUN" in HEALTHCHECK (try CMD)', 2],
  ['FROM a\nHEALTHCHECK --interval=abc CMD x', 'time: invalid duration "abc"', 2],
  ['FROM a\nHEALTHCHECK --interval=10 CMD x', 'time: invalid duration "10"', 2],
  ['FROM a\nHEALTHCHECK --timeout=10us CMD x', 'Interval "timeout" cannot be less than 1ms', 2],
  ['FROM a\nHEALTHCHECK --retries=-1 CMD x', '--retries cannot be negative (-1)', 2],
  ['FROM a\nHEALTHCHECK --retries=x CMD x', 'strconv.ParseInt: parsing "x": invalid syntax', 2],
  ['FROM a\nHEALTHCHECK --every=1s CMD x', 'unknown flag: --every', 2],
  ['FROM a\nRUN a \\\n  b\nCOPY x', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 4],
];

describe('parseDockerfile errors', () => {
  it.each(rows)('%j', (source, message, line) => {
    const error = parseErrorOf(() => parseDockerfile(source));
    expect(error.message).toBe(message);
    expect(error.line).toBe(line);
  });

  it('file-level error wins over earlier instruction error', () => {
    const error = parseErrorOf(() => parseDockerfile('FROM a\nCOPY x\nRUN <<EOF\nno end'));
    expect(error.message).toBe('unterminated heredoc');
  });

  it('earlier unknown instruction wins over later error', () => {
    const error = parseErrorOf(() => parseDockerfile('FROM a\nBOGUS x\nCOPY x'));
    expect(error.message).toBe('unknown instruction: BOGUS');
    expect(error.line).toBe(2);
  });

  it('first instruction error wins over later unknown', () => {
    const error = parseErrorOf(() => parseDockerfile('FROM a\nCOPY x\nFOO x'));
    expect(error.message).toMatch(/^COPY requires/);
  });

  it('describe adds the BuildKit location prefix', () => {
    const error = parseErrorOf(() => parseDockerfile('FROM a\nCOPY x'));
    expect(error.describe()).toBe(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    );
  });

  const described: [source: string, text: string][] = [
    ['FROM a\nCOPY x', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['FROM a\nENV =x', 'dockerfile parse error on line 2: ENV names can not be blank'],
    ['# just a comment\n', 'file with no instructions'],
    ['FROM a\nRUN <<EOF\necho', 'unterminated heredoc'],
    ['FROM a\nENV x', 'ENV must have two arguments'],
    ['# escape=x\nFROM a', "invalid escape token 'x' does not match ` or \\"],
    ['# escape=`\n# escape=\\\nFROM a', 'only one escape parser directive can be used'],
  ];
  it.each(described)('describe of %j', (source, text) => {
    expect(parseErrorOf(() => parseDockerfile(source)).describe()).toBe(text);
  });

  it('multi-line error range', () => {
    const error = parseErrorOf(() => parseDockerfile('FROM a\nCOPY \\\n  x'));
    expect(error.range.start.line).toBe(2);
    expect(error.range.end.line).toBe(3);
  });
});

const buildRows: [source: string, message: string | undefined, line: number | undefined][] = [
  ['FROM a\nBOGUS bar', 'unknown instruction: BOGUS', 2],
  ['FROM a\nbogus bar', 'unknown instruction: bogus', 2],
  ['FROM a\nFOO bar', 'unknown instruction: FOO (did you mean FROM?)', 2],
  ['FROM a\nFORM b', 'unknown instruction: FORM (did you mean FROM?)', 2],
  ['FROM a\nrnu b', 'unknown instruction: rnu (did you mean run?)', 2],
  ['FROM a\nCopy a b\nCPY a b', 'unknown instruction: CPY (did you mean COPY?)', 3],
  ['RUN x\nFROM a', 'no build stage in current context', 1],
  ['ARG A\nENV B=1\nFROM a', 'no build stage in current context', 2],
  ['ARG A\nFROM a', undefined, undefined],
  ['FROM a\nONBUILD FOO x', undefined, undefined],
  ['FROM a\nRUN x', undefined, undefined],
];

describe('findBuildError', () => {
  it.each(buildRows)('%j', (source, message, line) => {
    const error = findBuildError(parseDockerfile(source));
    expect(error?.message).toBe(message);
    expect(error?.line).toBe(line);
  });

  it('assertBuildable throws the same error', () => {
    const dockerfile = parseDockerfile('FROM a\nBOGUS bar');
    expect(() => assertBuildable(dockerfile)).toThrow('unknown instruction: BOGUS');
  });
});
