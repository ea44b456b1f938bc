import { describe, expect, it } from 'vitest';
import { flagSet, flagValue, parseFlags, type FlagSpec } from './flags.ts';

const specs: FlagSpec[] = [
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'human', short: 'H', kind: 'bool' },
  { name: 'tag', short: 't', kind: 'list' },
];

describe('parseFlags', () => {
  const rows: Array<[string[], { quiet: boolean; human: boolean; tag: string | undefined; operands: string[] }]> = [
    [['-q', 'x'], { quiet: true, human: false, tag: undefined, operands: ['x'] }],
    [['-qH', 'x'], { quiet: true, human: true, tag: undefined, operands: ['x'] }],
    [['-H=false', 'x'], { quiet: false, human: false, tag: undefined, operands: ['x'] }],
    [['-H=true', 'x'], { quiet: false, human: true, tag: undefined, operands: ['x'] }],
    [['--human=false', 'x'], { quiet: false, human: false, tag: undefined, operands: ['x'] }],
    [['-t=a:1', 'x'], { quiet: false, human: false, tag: 'a:1', operands: ['x'] }],
    [['-qt', 'a:1', 'x'], { quiet: true, human: false, tag: 'a:1', operands: ['x'] }],
    [['x', '--', '-q'], { quiet: false, human: false, tag: undefined, operands: ['x', '-q'] }],
  ];
  it.each(rows)('parses %j', (args, expected) => {
    const flags = parseFlags(args, specs);
    expect(flagSet(flags, 'quiet')).toBe(expected.quiet);
    expect(flagSet(flags, 'human')).toBe(expected.human);
    expect(flagValue(flags, 'tag')).toBe(expected.tag);
    expect(flags.operands).toEqual(expected.operands);
  });
});
