import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadHash } from './payload-hash.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [['b', 'a'], '["b","a"]'],
    ['text "quoted"', '"text \\"quoted\\""'],
    [1.5, '1.5'],
  ])('serializes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('payloadHash', () => {
  it('ignores key order', () => {
    const first = payloadHash({ learnerId: 'l', answer: { choice: 'edge', reasons: ['a'] } });
    const second = payloadHash({ answer: { reasons: ['a'], choice: 'edge' }, learnerId: 'l' });

    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ answer: { choice: 'edge' } }, { answer: { choice: 'serverless' } }],
    [{ answer: { reasons: ['a', 'b'] } }, { answer: { reasons: ['b', 'a'] } }],
    [{ answer: { choice: 'edge' } }, { answer: { choice: 'edge' }, client: 'web' }],
  ])('tells %j from %j', (first, second) => {
    expect(payloadHash(first)).not.toBe(payloadHash(second));
  });
});
