import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code.ts';

describe('splitInlineCode', () => {
  it.each([
    ['plain text', [{ code: false, text: 'plain text' }]],
    [
      'why `latest` breaks',
      [
        { code: false, text: 'why ' },
        { code: true, text: 'latest' },
        { code: false, text: ' breaks' },
      ],
    ],
    ['`CMD`', [{ code: true, text: 'CMD' }]],
    ['a ` lone backtick', [{ code: false, text: 'a ` lone backtick' }]],
  ])('splits %j', (input, expected) => {
    expect(splitInlineCode(input)).toEqual(expected);
  });
});
