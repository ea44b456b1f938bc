import { describe, expect, test } from 'vitest';
import { gradeAnswer } from './grade.ts';
import { parseCheckpointFile } from './parse.ts';
import { realCatalog, realCheckpoint } from './testing.ts';
import type { Answer, Checkpoint, GradeResult, PriorAttempt } from './types.ts';

const catalog = realCatalog();

/** Build a single-choice checkpoint with the given policy YAML. */
function singleWith(policy: string, extra = ''): Checkpoint {
  const text = `id: pick
kind: single
title: Pick
prompt: Pick one.
options:
  - { id: right, label: Right one, feedback: Yes. }
  - { id: wrong, label: Wrong one, feedback: No. }
  - { id: other, label: Other one, feedback: Also no. }
answer: right
hints: [First hint., Second hint., Third hint.]
solution: The right one.
policy: ${policy}
${extra}`;
  return parseCheckpointFile(text, 'quizzes/pick.yaml', catalog);
}

/** Grade a sequence of answers, feeding each counted result into the next call's history. */
function run(checkpoint: Checkpoint, answers: Answer[]): GradeResult[] {
  const prior: PriorAttempt[] = [];
  return answers.map((answer) => {
    const result = gradeAnswer(checkpoint, answer, [...prior]);
    if (result.countsAsAttempt || result.status !== 'graded') {
      prior.push({ status: result.status, score: result.score, passed: result.passed });
    }
    return result;
  });
}

const right: Answer = { choice: 'right' };
const wrong: Answer = { choice: 'wrong' };

describe('multiple select partial credit', () => {
  const benefits = realCheckpoint('container-benefits');
  const allOrNothing: Checkpoint = { ...benefits, partialCredit: 'all-or-nothing' };

  const rows: Array<[string[], number, number]> = [
    // choices, right-minus-wrong score, all-or-nothing score
    [['isolation', 'reproducibility', 'portability', 'immutability'], 1, 1],
    [['isolation', 'reproducibility', 'portability'], 0.75, 0],
    [['isolation', 'reproducibility', 'portability', 'faster-inference'], 0.5, 0],
    [['isolation', 'faster-inference', 'no-gpu-drivers'], 0, 0],
    [['faster-inference'], 0, 0],
    [['isolation', 'reproducibility', 'portability', 'immutability', 'patched-forever'], 0.75, 0],
    [['isolation', 'isolation'], 0.25, 0],
  ];
  test.each(rows)('%j', (choices, rightMinusWrong, exact) => {
    expect(gradeAnswer(benefits, { choices }, []).rawScore).toBe(rightMinusWrong);
    expect(gradeAnswer(allOrNothing, { choices }, []).rawScore).toBe(exact);
  });

  test('passScore 0.75 passes three of four', () => {
    expect(gradeAnswer(benefits, { choices: ['isolation', 'reproducibility', 'portability'] }, []).passed).toBe(true);
    expect(gradeAnswer(benefits, { choices: ['isolation', 'reproducibility'] }, []).passed).toBe(false);
  });

  test('missed options hidden until solution', () => {
    const first = gradeAnswer(benefits, { choices: ['isolation'] }, []);
    expect(first.feedback.some((item) => item.message.startsWith('Missed:'))).toBe(false);
    expect(first.feedback.some((item) => item.message === 'You left out 3 correct options.')).toBe(true);

    const last = gradeAnswer(benefits, { choices: ['isolation'] }, [
      { status: 'graded', score: 0, passed: false },
      { status: 'graded', score: 0, passed: false },
    ]);
    expect(last.feedback.filter((item) => item.message.startsWith('Missed:'))).toHaveLength(3);
    expect(last.solution).toBeDefined();
  });
});

describe('policy decline and best score', () => {
  const checkpoint = singleWith('{ maxAttempts: 5, decline: [1, 0.8, 0.6] }');

  const rows: Array<[string, Answer[], number[], number[]]> = [
    // name, answers, score per answer, best score per answer
    ['first try', [right], [1], [1]],
    ['second try', [wrong, right], [0, 0.8], [0, 0.8]],
    ['third try', [wrong, wrong, right], [0, 0, 0.6], [0, 0, 0.6]],
    ['floor holds', [wrong, wrong, wrong, right], [0, 0, 0, 0.6], [0, 0, 0, 0.6]],
  ];
  test.each(rows)('%s', (_name, answers, scores, bests) => {
    const results = run(checkpoint, answers);
    expect(results.map((result) => result.score)).toEqual(scores);
    expect(results.map((result) => result.bestScore)).toEqual(bests);
  });

  test('best score never drops', () => {
    const result = gradeAnswer(checkpoint, wrong, [{ status: 'graded', score: 0.5, passed: false }]);
    expect(result.score).toBe(0);
    expect(result.bestScore).toBe(0.5);
  });

  test('attempt numbers count graded only', () => {
    const results = run(checkpoint, [{ choice: 'nope' }, wrong, { choice: 'nope' }, right]);
    expect(results.map((result) => result.attempt)).toEqual([0, 1, 1, 2]);
    expect(results.map((result) => result.countsAsAttempt)).toEqual([false, true, false, true]);
  });
});

describe('policy attempts and lock', () => {
  const checkpoint = singleWith('{ maxAttempts: 2 }');

  test('attemptsLeft counts down', () => {
    const results = run(checkpoint, [wrong, wrong]);
    expect(results.map((result) => result.attemptsLeft)).toEqual([1, 0]);
    expect(results.map((result) => result.locked)).toEqual([false, true]);
  });

  test('last attempt says so', () => {
    const [first, last] = run(checkpoint, [wrong, wrong]);
    expect(first?.feedback.at(-1)?.message).toBe('Not yet passed: try again. 1 attempt left.');
    expect(last?.feedback.at(-1)?.message).toBe('Not passed, and that was the last attempt.');
  });

  test('after last attempt answers are practice', () => {
    const [, , practice] = run(checkpoint, [wrong, wrong, right]);
    expect(practice?.status).toBe('graded');
    expect(practice?.countsAsAttempt).toBe(false);
    expect(practice?.passed).toBe(true);
    expect(practice?.bestScore).toBe(0);
    expect(practice?.attempt).toBe(2);
    expect(practice?.locked).toBe(true);
  });

  test('after a pass answers are practice', () => {
    const [passed, again] = run(checkpoint, [right, wrong]);
    expect(passed?.locked).toBe(true);
    expect(again?.countsAsAttempt).toBe(false);
    expect(again?.bestScore).toBe(1);
    expect(again?.solution).toBe('The right one.');
  });

  test('no maximum gives null attemptsLeft', () => {
    const unlimited = singleWith('{ maxAttempts: null }');
    const results = run(unlimited, [wrong, wrong, wrong, wrong]);
    expect(results.map((result) => result.attemptsLeft)).toEqual([null, null, null, null]);
    expect(results.every((result) => !result.locked)).toBe(true);
  });
});

describe('policy hints', () => {
  const rows: Array<[number, Answer[], Array<number | undefined>]> = [
    // hintsAfter, answers, hints shown per answer (undefined: none)
    [1, [wrong, wrong, wrong], [1, 2, 3]],
    [2, [wrong, wrong, wrong], [undefined, 1, 2]],
    [1, [right], [undefined]],
    [1, [{ choice: 'nope' }, wrong], [undefined, 1]],
    [3, [wrong, wrong, wrong, wrong], [undefined, undefined, 1, 2]],
    [0, [{ choice: 'nope' }, wrong, right], [1, 2, undefined]],
  ];
  test.each(rows)('hintsAfter %i', (hintsAfter, answers, counts) => {
    const checkpoint = singleWith(`{ maxAttempts: null, hintsAfter: ${hintsAfter} }`);
    const results = run(checkpoint, answers);
    expect(results.map((result) => result.hints?.length)).toEqual(counts);
  });

  test('hints come in order', () => {
    const checkpoint = singleWith('{ maxAttempts: null, hintsAfter: 1 }');
    const [, second] = run(checkpoint, [wrong, wrong]);
    expect(second?.hints).toEqual(['First hint.', 'Second hint.']);
  });
});

describe('policy solution reveal', () => {
  const rows: Array<[string, Answer[], boolean[]]> = [
    ['after-pass-or-last-attempt', [wrong, wrong, wrong], [false, false, true]],
    ['after-pass-or-last-attempt', [wrong, right], [false, true]],
    ['after-pass', [wrong, wrong, wrong], [false, false, false]],
    ['after-pass', [right], [true]],
    ['never', [right], [false]],
  ];
  test.each(rows)('%s %j', (mode, answers, shown) => {
    const checkpoint = singleWith(`{ maxAttempts: 3, revealSolution: ${mode} }`);
    const results = run(checkpoint, answers);
    expect(results.map((result) => result.solution !== undefined)).toEqual(shown);
  });
});

describe('invalid answers cost nothing', () => {
  const heartRate = realCheckpoint('heart-rate');
  const benefits = realCheckpoint('container-benefits');
  const rows: Array<[string, Checkpoint, Answer, string]> = [
    ['no answer field', heartRate, {}, 'The submission has no answer. Send "choice" (one option id) or "text" (your answer in words).'],
    ['unknown option', heartRate, { choice: 'edg' }, 'No option has the id "edg". Expected "container", "serverless", "managed-platform", "model-as-a-service", "edge".'],
    ['choices on a single', heartRate, { choices: ['edge'] }, 'This checkpoint does not take "choices". Send "choice" (one option id) or "text" (your answer in words).'],
    ['choice and text', heartRate, { choice: 'edge', text: 'edge' }, 'Send only one of "choice", "text", not both.'],
    ['blank text', heartRate, { text: '   ' }, 'The text answer is empty. Write which option you would use.'],
    ['text too long', heartRate, { text: 'edge '.repeat(401) }, 'The text answer has 2005 characters; the maximum is 2000.'],
    ['unknown reason', heartRate, { choice: 'edge', reasons: ['cheap'] }, 'No reason has the id "cheap". Expected "latency", "offline", "data-on-device", "model-too-large", "steady-traffic", "small-ops-team".'],
    ['choice on multiple', benefits, { choice: 'isolation' }, 'This checkpoint does not take "choice". Send "choices" (a list of option ids).'],
    ['empty choices', benefits, { choices: [] }, 'Select at least one option.'],
    ['unknown choices', benefits, { choices: ['isolation', 'speed', 'cost'] }, 'No options have the ids "speed", "cost". Expected "isolation", "reproducibility", "portability", "immutability", "faster-inference", "no-gpu-drivers", "patched-forever".'],
    ['reasons not a list', heartRate, { choice: 'edge', reasons: 'latency' as unknown as string[] }, '"reasons" must be a list of reason ids.'],
    ['reasons where none exist', benefits, { choices: ['isolation'], reasons: ['x'] }, 'This checkpoint has no reasons to tick. Leave "reasons" out.'],
  ];
  test.each(rows)('%s', (_name, checkpoint, answer, message) => {
    const prior: PriorAttempt[] = [{ status: 'graded', score: 0.4, passed: false }];
    const result = gradeAnswer(checkpoint, answer, prior);
    expect(result.status).toBe('invalid');
    expect(result.countsAsAttempt).toBe(false);
    expect(result.attempt).toBe(1);
    expect(result.bestScore).toBe(0.4);
    expect(result.attemptsLeft).toBe(2);
    expect(result.feedback).toEqual([{ kind: 'invalid', message }]);
  });

  test('clarify keeps attempts', () => {
    const result = gradeAnswer(heartRate, { text: 'no idea' }, [{ status: 'clarify', score: 0, passed: false }]);
    expect(result.status).toBe('clarify');
    expect(result.attempt).toBe(0);
    expect(result.attemptsLeft).toBe(3);
  });
});

describe('reasons', () => {
  const heartRate = realCheckpoint('heart-rate');
  const weighted: Checkpoint = { ...heartRate, reasonsWeight: 0.2 };
  const rows: Array<[string, string[], number]> = [
    // choice, reasons ticked, raw score (reasons weigh 0.2)
    ['edge', ['latency', 'offline', 'data-on-device'], 1],
    ['edge', [], 0.8],
    ['edge', ['latency'], 0.866667],
    ['edge', ['latency', 'offline', 'data-on-device', 'steady-traffic'], 0.933333],
    ['edge', ['model-too-large', 'steady-traffic', 'small-ops-team'], 0.8],
    ['serverless', ['latency', 'offline', 'data-on-device'], 0],
  ];
  test.each(rows)('%s with %j', (choice, reasons, rawScore) => {
    const result = gradeAnswer(weighted, { choice, reasons }, []);
    expect(result.rawScore).toBe(rawScore);
    expect(result.passed).toBe(choice === 'edge');
  });

  test('feedback on each reason kind', () => {
    const result = gradeAnswer(heartRate, { choice: 'edge', reasons: ['latency', 'model-too-large'] }, []);
    const reasons = result.feedback.filter((item) => item.kind === 'reason').map((item) => item.message.split(':')[0]);
    expect(reasons).toEqual(['Right reason', 'Missed reason', 'Missed reason', 'Not a deciding reason']);
  });

  test('heart-rate reasons are feedback only', () => {
    expect(heartRate.reasonsWeight).toBe(0);
    expect(gradeAnswer(heartRate, { choice: 'edge' }, []).rawScore).toBe(1);
    expect(gradeAnswer(heartRate, { choice: 'edge', reasons: ['steady-traffic'] }, []).rawScore).toBe(1);
    expect(gradeAnswer(heartRate, { text: 'on the phone' }, []).rawScore).toBe(1);
  });

  test('feedback-only reasons still get feedback', () => {
    const result = gradeAnswer(heartRate, { choice: 'edge', reasons: ['latency', 'steady-traffic'] }, []);
    const reasons = result.feedback.filter((item) => item.kind === 'reason').map((item) => item.message.split(':')[0]);
    expect(reasons).toEqual(['Right reason', 'Missed reason', 'Missed reason', 'Not a deciding reason']);
  });
});

describe('single choice by text', () => {
  const tags = realCheckpoint('image-tags');
  const rows: Array<[string, string, boolean]> = [
    ['pin the digest', 'graded', true],
    ['use the sha256 digest, not latest', 'graded', true],
    ['the latest tag', 'graded', false],
    ['rebuild from the git commit', 'graded', false],
    ['latest or the digest', 'clarify', false],
  ];
  test.each(rows)('%j', (text, status, passed) => {
    const result = gradeAnswer(tags, { text }, []);
    expect(result.status).toBe(status);
    expect(result.passed).toBe(passed);
  });
});

describe('free-text kind', () => {
  const coldStarts = realCheckpoint('cold-starts');
  const rows: Array<[string, string, boolean]> = [
    ['Serverless: it scales to zero and the wait is fine', 'graded', true],
    ['AWS Lambda', 'graded', true],
    ['not kubernetes, lambda', 'graded', true],
    ['a SageMaker endpoint', 'graded', false],
    ['keep it on the device', 'graded', false],
    ['something cheap', 'clarify', false],
  ];
  test.each(rows)('%j', (text, status, passed) => {
    const result = gradeAnswer(coldStarts, { text }, []);
    expect(result.status).toBe(status);
    expect(result.passed).toBe(passed);
  });

  test('choice is not accepted', () => {
    expect(gradeAnswer(coldStarts, { choice: 'serverless' }, []).status).toBe('invalid');
  });
});
