import { describe, expect, it } from 'vitest';
import { describeIgnoredQuery, describeOutcome, planRuntime, resolvePreference, type RuntimeOutcome, type RuntimePlan } from './choice.ts';

describe('resolvePreference', () => {
  const rows: Array<[string | null, string | null, string, string]> = [
    [null, null, 'auto', 'default'],
    ['inpage', null, 'inpage', 'query'],
    ['WebContainer', 'inpage', 'webcontainer', 'query'],
    ['bogus', 'inpage', 'inpage', 'setting'],
    [null, 'auto', 'auto', 'setting'],
    ['', 'nonsense', 'auto', 'default'],
  ];
  it.each(rows)('query %s, setting %s -> %s from %s', (query, setting, preference, source) => {
    expect(resolvePreference(query, setting)).toEqual({ preference, source });
  });
});

describe('describeIgnoredQuery', () => {
  const rows: Array<[string | null, string | null]> = [
    [null, null],
    ['', null],
    ['inpage', null],
    [' WebContainer ', null],
    ['bogus', 'Invalid ?runtime= value "bogus" ignored: expected one of auto, webcontainer, inpage.'],
    ['in-page', 'Invalid ?runtime= value "in-page" ignored: expected one of auto, webcontainer, inpage.'],
  ];
  it.each(rows)('query %j', (query, message) => {
    expect(describeIgnoredQuery(query)).toBe(message);
  });
});

describe('planRuntime', () => {
  const rows: Array<[string, Parameters<typeof planRuntime>[0], RuntimePlan]> = [
    ['forced in-page by query', { preference: 'inpage', source: 'query', crossOriginIsolated: true, missingFeature: null },
      { attempt: 'inpage', reason: { kind: 'forced', source: 'query' } }],
    ['forced in-page by setting', { preference: 'inpage', source: 'setting', crossOriginIsolated: true, missingFeature: null },
      { attempt: 'inpage', reason: { kind: 'forced', source: 'setting' } }],
    ['auto, not isolated', { preference: 'auto', source: 'default', crossOriginIsolated: false, missingFeature: null },
      { attempt: 'inpage', reason: { kind: 'not-isolated' } }],
    ['forced WebContainer, not isolated', { preference: 'webcontainer', source: 'query', crossOriginIsolated: false, missingFeature: null },
      { attempt: 'inpage', reason: { kind: 'not-isolated' } }],
    ['auto, missing feature', { preference: 'auto', source: 'default', crossOriginIsolated: true, missingFeature: 'SharedArrayBuffer' },
      { attempt: 'inpage', reason: { kind: 'unsupported', missing: 'SharedArrayBuffer' } }],
    ['auto, isolated and supported', { preference: 'auto', source: 'default', crossOriginIsolated: true, missingFeature: null },
      { attempt: 'background' }],
    ['auto from the setting, isolated and supported', { preference: 'auto', source: 'setting', crossOriginIsolated: true, missingFeature: null },
      { attempt: 'background' }],
    ['forced WebContainer, isolated and supported', { preference: 'webcontainer', source: 'query', crossOriginIsolated: true, missingFeature: null },
      { attempt: 'webcontainer' }],
  ];
  it.each(rows)('%s', (_name, input, expected) => {
    expect(planRuntime(input)).toEqual(expected);
  });
});

describe('describeOutcome', () => {
  const rows: Array<[RuntimeOutcome, string]> = [
    [{ runtime: 'inpage', reason: { kind: 'not-isolated' } },
      'In-page runtime: WebContainer could not start: page is not cross-origin isolated'],
    [{ runtime: 'inpage', reason: { kind: 'timeout', seconds: 20 } },
      'In-page runtime: WebContainer could not start: boot timed out after 20 s'],
    [{ runtime: 'inpage', reason: { kind: 'failed', message: 'iframe blocked' } },
      'In-page runtime: WebContainer could not start: boot failed: iframe blocked'],
    [{ runtime: 'inpage', reason: { kind: 'forced', source: 'query' } }, 'In-page runtime: forced by ?runtime=inpage'],
    [{ runtime: 'webcontainer' }, 'WebContainer runtime: jsh with docker on the PATH'],
  ];
  it.each(rows)('%j', (outcome, text) => {
    expect(describeOutcome(outcome)).toBe(text);
  });
});
