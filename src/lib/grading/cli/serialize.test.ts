import { describe, expect, test } from 'vitest';
import { realCheckpoint } from '../testing.ts';
import type { Answer } from '../types.ts';
import { createBatchGrader } from './batch.ts';
import { serializeResult } from './serialize.ts';

const checkpoints = new Map([
  ['heart-rate', realCheckpoint('heart-rate')],
  ['container-benefits', realCheckpoint('container-benefits')],
]);

const answers: Array<[string, Answer]> = [
  ['heart-rate', { choice: 'edge', reasons: ['latency', 'steady-traffic'] }],
  ['heart-rate', { choice: 'serverless' }],
  ['heart-rate', { text: 'edge or serverless' }],
  ['heart-rate', { choice: 'nope' }],
  ['container-benefits', { choices: ['isolation'] }],
];

describe('serializeResult', () => {
  const grader = createBatchGrader(checkpoints);
  const results = answers.map(([checkpointId, answer], index) => {
    const outcome = grader.gradeLine(JSON.stringify({ checkpointId, learnerId: 'ana', submissionId: String(index), answer }), index + 1);
    if (!('result' in outcome)) throw new Error(`line ${index + 1} was not graded`);
    return outcome.result;
  });

  test.each(results.map((result) => [result.line, result] as const))('line %i matches JSON.stringify', (_line, result) => {
    expect(JSON.parse(serializeResult(result, true))).toEqual(JSON.parse(JSON.stringify(result)));
  });

  test('second call reuses cached JSON', () => {
    const first = results[0];
    if (first === undefined) throw new Error('no result');
    expect(serializeResult(first, true)).toBe(serializeResult(first, true));
  });

  test('without feedback drops texts', () => {
    const first = results[1];
    if (first === undefined) throw new Error('no result');
    const parsed = JSON.parse(serializeResult(first, false)) as Record<string, unknown>;
    expect(parsed.feedback).toEqual([]);
    expect(parsed).not.toHaveProperty('hints');
    expect(parsed).not.toHaveProperty('solution');
    expect(parsed.score).toBe(0);
  });
});
