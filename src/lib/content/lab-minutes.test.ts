import { describe, expect, it } from 'vitest';
import { readLabMinutes } from './lab-minutes.ts';

type MinutesCase = { name: string; manifests: Record<string, string>; expected: [string, number][] };

describe('readLabMinutes', () => {
  it.each<MinutesCase>([
    { name: 'one lab', manifests: { '/labs/a/lab.yaml': 'title: A\nminutes: 25\n' }, expected: [['a', 25]] },
    { name: 'two labs', manifests: { '/labs/a/lab.yaml': 'minutes: 25', '/labs/b-2/lab.yaml': 'minutes: 30' }, expected: [['a', 25], ['b-2', 30]] },
    { name: 'path not a manifest', manifests: { '/labs/a/files/lab.yml': 'minutes: 5' }, expected: [] },
    { name: 'no manifests', manifests: {}, expected: [] },
  ])('reads $name', ({ manifests, expected }) => {
    expect([...readLabMinutes(manifests)]).toEqual(expected);
  });

  it.each([
    { text: 'title: A', found: 'nothing' },
    { text: 'minutes: "thirty"', found: '"thirty"' },
    { text: 'minutes: 7.5', found: '7.5' },
    { text: 'minutes: 0', found: '0' },
    { text: '', found: 'nothing' },
  ])('rejects $text', ({ text, found }) => {
    expect(() => readLabMinutes({ '/labs/a/lab.yaml': text })).toThrow(
      `labs/a/lab.yaml: minutes: Expected a whole number of minutes, 1 or more; found ${found}`,
    );
  });
});
