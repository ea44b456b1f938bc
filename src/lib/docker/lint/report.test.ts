import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parser/index.ts';
import { formatCheckReport, lintDockerfile, lintViolationMessage } from './index.ts';

/** Lints and formats a Dockerfile as `docker build --check` would. */
function check(source: string): string {
  return formatCheckReport(lintDockerfile(parseDockerfile(source)), source, 'Dockerfile');
}

describe('formatCheckReport', () => {
  it('no warnings', () => {
    expect(check('FROM python:3.12-slim\nCMD ["python"]\n')).toBe('Check complete, no warnings found.\n');
  });

  it('slipway rules hidden by default', () => {
    expect(check('FROM python:latest\nCMD ["python"]\n')).toBe('Check complete, no warnings found.\n');
  });

  it('one warning', () => {
    const source = 'FROM python:3.12 as base\nCMD ["python"]\n';
    expect(check(source)).toBe(
      [
        'Check complete, 1 warning has been found!',
        '',
        "WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/",
        "'as' and 'FROM' keywords' casing do not match",
        'Dockerfile:1',
        '--------------------',
        '   1 | >>> FROM python:3.12 as base',
        '   2 |     CMD ["python"]',
        '   3 |     ',
        '--------------------',
        '',
      ].join('\n'),
    );
  });

  it('two warnings in line order', () => {
    const source = 'FROM a:1\nRUN x\nENV A b\nRUN y\nRUN z\nCMD python app.py';
    const out = check(source);
    expect(out.split('\n')[0]).toBe('Check complete, 2 warnings have been found!');
    expect(out.indexOf('WARNING: LegacyKeyValueFormat')).toBeLessThan(out.indexOf('WARNING: JSONArgsRecommended'));
    expect(out).toContain(
      ['Dockerfile:6', '--------------------', '   4 |     RUN y', '   5 |     RUN z', '   6 | >>> CMD python app.py', '--------------------'].join('\n'),
    );
  });

  it('multi-line instruction marks every line', () => {
    const source = 'FROM a:1\nRUN x\nENV A \\\n  b\nRUN y\nRUN z';
    expect(check(source)).toContain(
      ['Dockerfile:3', '--------------------', '   2 |     RUN x', '   3 | >>> ENV A \\', '   4 | >>>   b', '   5 |     RUN y', '--------------------'].join('\n'),
    );
  });

  it('custom file name', () => {
    const source = 'FROM a:1 as b';
    const out = formatCheckReport(lintDockerfile(parseDockerfile(source)), source, 'Dockerfile.prod');
    expect(out).toContain('Dockerfile.prod:1\n');
  });

  it('slipway rules on request', () => {
    const source = 'FROM python:latest\nCMD ["python"]';
    const out = formatCheckReport(lintDockerfile(parseDockerfile(source)), source, 'Dockerfile', { includeSlipwayRules: true });
    expect(out).toContain('WARNING: LatestBaseImage - /lessons/image-versions-and-rollback/#pin-base-image-tags');
  });
});

describe('lintViolationMessage', () => {
  it('lists rules once in order', () => {
    const findings = lintDockerfile(parseDockerfile('FROM a:1 as b\nENV A b\nENV C d'));
    expect(lintViolationMessage(findings)).toBe('lint violation found for rules: FromAsCasing, LegacyKeyValueFormat');
  });

  it('undefined when clean', () => {
    expect(lintViolationMessage(lintDockerfile(parseDockerfile('FROM a:1')))).toBeUndefined();
  });
});
