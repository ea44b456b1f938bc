import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCheckpoints } from '../load.ts';
import { repositoryRoot } from '../testing.ts';
import type { Answer } from '../types.ts';
import { createBatchGrader, type BatchResult } from './batch.ts';
import { OutputBuffer } from './output.ts';
import { serializeHead, serializeTail } from './serialize.ts';

// Per learner and checkpoint, a run of answers: wrong ones unlock hints, the
// last attempt or a pass shows the solution, later answers are locked practice.
const runs: Array<[string, Answer[]]> = [
  ['heart-rate', [{ choice: 'serverless', reasons: ['small-ops-team'] }, { choice: 'container' }, { choice: 'edge', reasons: ['latency', 'offline'] }, { choice: 'edge' }]],
  ['heart-rate', [{ text: 'edge or serverless' }, { text: 'on the watch with Core ML' }, { choice: 'nope' }, { choice: 'edge', reasons: ['steady-traffic'] }]],
  ['heart-rate', [{ choice: 'serverless' }, { choice: 'serverless' }, { choice: 'serverless' }, { choice: 'edge' }]],
  ['container-benefits', [{ choices: ['faster-inference'] }, { choices: ['isolation', 'portability'] }, { choices: ['isolation', 'reproducibility', 'portability', 'immutability'] }]],
  ['container-benefits', [{ choice: 'isolation' }, { choices: [] }, { choices: ['patched-forever', 'no-gpu-drivers'] }]],
  ['image-tags', [{ choice: 'latest' }, { choice: 'digest' }, { choice: 'latest' }, { text: 'digest' }]],
  ['cold-starts', [{ text: 'no idea' }, { text: 'Lambda, it scales to zero' }, { text: 'serverless or edge' }, { text: 'ünïcode “quotes” \\ and\ttabs' }, { text: 'edge' }]],
];

/** Build a JSONL file of the runs for two learners each, with a malformed line and a blank line among them. */
function buildInput(): string {
  const lines: string[] = [];
  for (const learnerId of ['ana', 'bo']) {
    runs.forEach(([checkpointId, answers], run) => {
      answers.forEach((answer, index) => {
        lines.push(JSON.stringify({ checkpointId, learnerId, submissionId: `${run}-${index}`, answer }));
      });
    });
    lines.push('{"checkpointId": "heart-rate", broken', '');
  }
  return `${lines.join('\n')}\n`;
}

/** Serialise a result with plain JSON.stringify, feedback, hints and solution last as the CLI writes them. */
function plainLine(result: BatchResult, withFeedback: boolean): string {
  const { feedback, hints, solution, ...rest } = result;
  return JSON.stringify(withFeedback ? { ...rest, feedback, hints, solution } : { ...rest, feedback: [] });
}

const input = buildInput();
const grader = createBatchGrader(loadCheckpoints());
const results = input.split('\n').flatMap((text, index) => {
  const outcome = grader.gradeLine(text, index + 1);
  return 'result' in outcome ? [outcome.result] : [];
});

/** Write the results through OutputBuffer into a file and return its content. */
async function writeThroughBuffer(withFeedback: boolean, capacity: number): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-output-')), 'results.jsonl');
  const fd = openSync(file, 'w');
  try {
    const output = new OutputBuffer(fd, capacity, 2);
    for (const result of results) {
      output.pushLine(serializeHead(result), serializeTail(result, withFeedback));
      await output.ready();
    }
    await output.finish();
  } finally {
    closeSync(fd);
  }
  return readFileSync(file, 'utf8');
}

describe('fast output path', () => {
  test('input covers every case', () => {
    const kinds = new Set(results.flatMap((result) => result.feedback.map((item) => item.kind)));
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['graded', 'invalid', 'clarify']));
    expect(kinds).toContain('reason');
    expect(results.some((result) => result.locked && !result.countsAsAttempt && result.status === 'graded')).toBe(true);
    expect(results.some((result) => result.hints !== undefined)).toBe(true);
    expect(results.some((result) => result.solution !== undefined)).toBe(true);
    expect(results.some((result) => result.interpretedAs !== undefined)).toBe(true);
  });

  // 4 kB chunks split the output many times; 512 bytes is shorter than most lines.
  const rows: Array<[string, boolean, number]> = [
    ['full results, 4 kB chunks', true, 4096],
    ['full results, 512-byte chunks', true, 512],
    ['--no-feedback, 4 kB chunks', false, 4096],
  ];
  test.each(rows)('%s equal JSON.stringify', async (_name, withFeedback, capacity) => {
    const expected = results.map((result) => `${plainLine(result, withFeedback)}\n`).join('');
    const written = await writeThroughBuffer(withFeedback, capacity);
    expect(written.split('\n')).toEqual(expected.split('\n'));
    expect(written).toBe(expected);
  });

  test('cached tails repeat exactly', async () => {
    const first = await writeThroughBuffer(true, 4096);
    expect(await writeThroughBuffer(true, 4096)).toBe(first);
  });

  test('CLI stdout equals JSON.stringify', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slipway-output-cli-')), 'submissions.jsonl');
    writeFileSync(file, input);
    const run = spawnSync(process.execPath, [join(repositoryRoot, 'bin', 'slipway.mjs'), 'grade', file], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      env: { ...process.env, SLIPWAY_ROOT: repositoryRoot },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(results.map((result) => `${plainLine(result, true)}\n`).join(''));
  });
});
