import { describe, expect, test } from 'vitest';
import { gradeAnswer } from './grade.ts';
import { countBroken } from './kinds/scenario.ts';
import { realCheckpoint } from './testing.ts';

const heartRate = realCheckpoint('heart-rate');

// Every constraint each option breaks, with a figure its message must contain.
const rows: Array<[string, Array<[string, string]>]> = [
  ['container', [['offline', 'network round trip'], ['data-on-device', 'goes to servers in your cloud']]],
  [
    'serverless',
    [['offline', 'network round trip'], ['data-on-device', 'goes to servers in your cloud'], ['latency', 'cold starts of 200 ms to 10 s']],
  ],
  ['managed-platform', [['offline', 'network round trip'], ['data-on-device', "goes to the ML platform's servers"]]],
  [
    'model-as-a-service',
    [['offline', 'network round trip'], ['data-on-device', "third party's servers"], ['latency', 'at least 50 ms']],
  ],
];

describe('heart-rate wrong options', () => {
  test.each(rows)('%s names each broken constraint', (optionId, broken) => {
    const result = gradeAnswer(heartRate, { choice: optionId }, []);
    expect(result.status).toBe('graded');
    expect(result.passed).toBe(false);
    expect(result.score).toBe(0);

    const constraints = result.feedback.filter((item) => item.optionId === optionId && item.constraint !== undefined);
    expect(constraints.map((item) => item.constraint).sort()).toEqual(broken.map(([constraint]) => constraint).sort());
    for (const [constraint, figure] of broken) {
      const item = constraints.find((candidate) => candidate.constraint === constraint);
      expect(item?.kind).toBe('incorrect');
      expect(item?.message).toContain(figure);
    }
  });

  test('budget figure appears for latency', () => {
    const result = gradeAnswer(heartRate, { choice: 'serverless' }, []);
    const latency = result.feedback.find((item) => item.constraint === 'latency');
    expect(latency?.message).toContain('50 ms budget');
  });

  test('hosted API names the third party', () => {
    const result = gradeAnswer(heartRate, { choice: 'model-as-a-service' }, []);
    const data = result.feedback.find((item) => item.constraint === 'data-on-device');
    expect(data?.message).toContain('a company you do not control receives and holds it');
  });

  test('summary line says all when all break', () => {
    const result = gradeAnswer(heartRate, { choice: 'serverless' }, []);
    expect(result.feedback[0]?.message).toMatch(/^Serverless functions breaks all 3 constraints: /);
  });

  test('summary line counts broken constraints', () => {
    const result = gradeAnswer(heartRate, { choice: 'container' }, []);
    expect(result.feedback[0]?.message).toBe(
      'Container (Docker + Kubernetes) breaks 2 of the 3 constraints: working with no internet connection and data that must not leave the device.',
    );
  });
});

describe('countBroken', () => {
  const rows: Array<[number, number, string]> = [
    [3, 3, 'all 3 constraints'],
    [2, 3, '2 of the 3 constraints'],
    [1, 2, '1 of the 2 constraints'],
    [1, 1, 'the one constraint'],
  ];
  test.each(rows)('%i of %i', (broken, total, expected) => {
    expect(countBroken(broken, total)).toBe(expected);
  });
});

describe('heart-rate right option', () => {
  const result = gradeAnswer(heartRate, { choice: 'edge' }, []);
  const messages = result.feedback.map((item) => item.message).join('\n');

  test('passes with full main score', () => {
    expect(result.passed).toBe(true);
    expect(result.status).toBe('graded');
  });

  test('explains each constraint it meets', () => {
    const met = result.feedback.filter((item) => item.kind === 'correct' && item.constraint !== undefined);
    expect(met.map((item) => item.constraint).sort()).toEqual(['data-on-device', 'latency', 'offline']);
  });

  test('latency is under the budget', () => {
    const latency = result.feedback.find((item) => item.constraint === 'latency');
    expect(latency?.message).toMatch(/^A prediction takes about 2 ms to 30 ms \(an estimate\), with no network round trip, under the 50 ms budget\. Source: MLPerf Tiny/);
    expect(messages.match(/estimate/g)).toHaveLength(1);
  });

  test('names on-device stacks and MLPerf Tiny', () => {
    expect(messages).toContain('LiteRT');
    expect(messages).toContain('Core ML');
    expect(messages).toContain('ONNX Runtime');
    expect(messages).toContain('7.6 ms');
  });

  test('solution shown after the pass', () => {
    expect(result.solution).toContain('MLPerf Tiny');
    expect(result.solution).toContain('LiteRT');
  });
});

describe('heart-rate free text', () => {
  const rows: Array<[string, string, boolean]> = [
    ['run it on the watch with Core ML', 'graded', true],
    ['not serverless, on-device', 'graded', true],
    ['serverless', 'graded', false],
    ['edge or serverless', 'clarify', false],
    ['the cloud', 'clarify', false],
  ];
  test.each(rows)('%j', (text, status, passed) => {
    const result = gradeAnswer(heartRate, { text }, []);
    expect(result.status).toBe(status);
    expect(result.passed).toBe(passed);
  });

  test('bare server lists server-side options', () => {
    const result = gradeAnswer(heartRate, { text: 'a server' }, []);
    expect(result.status).toBe('clarify');
    expect(result.countsAsAttempt).toBe(false);
    expect(result.feedback[0]).toEqual({
      kind: 'clarify',
      message:
        'Every server-side option runs the model on a server: Container (Docker + Kubernetes) (container), Serverless functions (serverless), Managed ML platform (managed-platform) and Model-as-a-Service (hosted API) (model-as-a-service). Please say which one you would use.',
    });
  });

  test('own servers still means container', () => {
    const result = gradeAnswer(heartRate, { text: 'on our own servers' }, []);
    expect(result.status).toBe('graded');
    expect(result.interpretedAs).toEqual(['container']);
  });

  test('clarify lists the options', () => {
    const result = gradeAnswer(heartRate, { text: 'edge or serverless' }, []);
    expect(result.countsAsAttempt).toBe(false);
    expect(result.interpretedAs).toEqual(['edge', 'serverless']);
    expect(result.feedback[0]).toEqual({
      kind: 'clarify',
      message: 'Your answer names Edge / on-device (edge) and Serverless functions (serverless). Please say which one option you would use.',
    });
    expect(result.feedback[1]?.message).toContain('Container (Docker + Kubernetes) (container)');
  });
});
