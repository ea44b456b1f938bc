import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parser/index.ts';
import { lintDockerfile, readCheckSettings } from './index.ts';

/** Returns `rule:severity` for each finding of a source, for compact table rows. */
function summary(source: string, rules: string[]): string[] {
  return lintDockerfile(parseDockerfile(source))
    .filter((finding) => rules.includes(finding.rule))
    .map((finding) => `${finding.rule}:${finding.severity}`);
}

const BAD = 'FROM a as b\nENV A b\nCMD x\n';
const RULES = ['FromAsCasing', 'LegacyKeyValueFormat', 'JSONArgsRecommended', 'LatestBaseImage', 'UnpinnedAptPackage', 'AptGetWithoutYes'];

const rows: [name: string, source: string, expected: string[]][] = [
  ['no directive', BAD, ['FromAsCasing:warning', 'LegacyKeyValueFormat:warning', 'JSONArgsRecommended:warning']],
  ['skip one', `# check=skip=FromAsCasing\n${BAD}`, ['LegacyKeyValueFormat:warning', 'JSONArgsRecommended:warning']],
  ['skip two', `# check=skip=FromAsCasing,JSONArgsRecommended\n${BAD}`, ['LegacyKeyValueFormat:warning']],
  ['blank ends the value', `# check=skip= FromAsCasing\n${BAD}`, ['FromAsCasing:warning', 'LegacyKeyValueFormat:warning', 'JSONArgsRecommended:warning']],
  ['skip all', `# check=skip=all\n${BAD}`, []],
  ['skip by alias', `# check=skip=DL3025\n${BAD}`, ['FromAsCasing:warning', 'LegacyKeyValueFormat:warning']],
  ['error true', `# check=error=true\n${BAD}`, ['FromAsCasing:error', 'LegacyKeyValueFormat:error', 'JSONArgsRecommended:error']],
  ['error and skip', `# check=skip=FromAsCasing;error=true\n${BAD}`, ['LegacyKeyValueFormat:error', 'JSONArgsRecommended:error']],
  ['error false', `# check=error=false\n${BAD}`, ['FromAsCasing:warning', 'LegacyKeyValueFormat:warning', 'JSONArgsRecommended:warning']],
  ['invalid option ignored', `# check=bogus=1\n${BAD}`, ['FromAsCasing:warning', 'LegacyKeyValueFormat:warning', 'JSONArgsRecommended:warning']],
  ['skip all keeps slipway rules', '# check=skip=all\nFROM python:latest', ['LatestBaseImage:warning']],
  ['error keeps slipway severity', '# check=error=true\nFROM python:latest', ['LatestBaseImage:warning']],
  ['hadolint ignore by id', 'FROM a\n# hadolint ignore=DL3008\nRUN apt-get install curl', ['AptGetWithoutYes:warning']],
  ['hadolint ignore two ids', 'FROM a\n# hadolint ignore=DL3008,DL3014\nRUN apt-get install curl', []],
  ['hadolint ignore by rule id', 'FROM a\n# hadolint ignore=AptGetWithoutYes\nRUN apt-get install curl', ['UnpinnedAptPackage:warning']],
  ['hadolint ignore only next line', 'FROM a\n# hadolint ignore=DL3008\nRUN echo\nRUN apt-get install -y curl', ['UnpinnedAptPackage:warning']],
  ['hadolint ignore not above', 'FROM a\nRUN apt-get install -y curl\n# hadolint ignore=DL3008', ['UnpinnedAptPackage:warning']],
  ['hadolint global ignore', '# hadolint global ignore=DL3007\nFROM python:latest', []],
  ['hadolint ignore with blanks', 'FROM a\n#hadolint ignore = DL3008, DL3014\nRUN apt-get install curl', []],
];

describe('check directive and ignore comments', () => {
  it.each(rows)('%s', (_name, source, expected) => {
    expect(summary(source, RULES)).toEqual(expected);
  });
});

describe('readCheckSettings', () => {
  const settingRows: [directive: string, skipAll: boolean, skip: string[], error: boolean][] = [
    ['skip=A,B', false, ['A', 'B'], false],
    ['skip=all', true, [], false],
    ['error=true', false, [], true],
    ['error=1', false, [], true],
    ['skip=A;error=true', false, ['A'], true],
    ['error=yes', false, [], false],
    ['skip=A junk after blank', false, ['A'], false],
  ];
  it.each(settingRows)('%s', (directive, skipAll, skip, error) => {
    const settings = readCheckSettings(parseDockerfile(`# check=${directive}\nFROM a`));
    expect(settings.skipAll).toBe(skipAll);
    expect([...settings.skip]).toEqual(skip);
    expect(settings.errorOnWarning).toBe(error);
  });
});
