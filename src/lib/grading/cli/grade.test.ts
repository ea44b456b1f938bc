import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repositoryRoot } from '../testing.ts';
import { GRADER_VERSION } from '../version.ts';

const submissions = [
  '{"checkpointId":"heart-rate","learnerId":"ana","submissionId":"1","answer":{"choice":"serverless"}}',
  '{"checkpointId":"heart-rate","learnerId":"ana","submissionId":"2","answer":{"text":"on the watch with Core ML"}}',
  'not json',
  '{"checkpointId":"heart-rate","learnerId":"bo","submissionId":"1","answer":{"choice":"nope"}}',
  '',
  '{"checkpointId":"container-benefits","learnerId":"bo","submissionId":"1","answer":{"choices":["isolation","portability"]}}',
  '{"checkpointId":"missing","learnerId":"bo","submissionId":"2","answer":{"choice":"x"}}',
  '{"checkpointId":"heart-rate","learnerId":"bo","submissionId":"3","answer":{"text":"edge or serverless"}}',
  '{"checkpointId":"heart-rate","learnerId":"ana","submissionId":"2","answer":{"choice":"edge"}}',
  '{"checkpointId":"image-tags","learnerId":"bo bo","submissionId":"1","answer":{"choice":"digest"}}',
].join('\n');

/** Run `slipway grade` with the project's Node and return its output. */
function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [join(repositoryRoot, 'bin', 'slipway.mjs'), 'grade', ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    env: { ...process.env, SLIPWAY_ROOT: repositoryRoot },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('slipway grade', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slipway-grade-test-'));
  const input = join(folder, 'submissions.jsonl');
  writeFileSync(input, submissions);
  const { status, stdout, stderr } = runCli([input]);
  const results = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

  test('exits 0 despite bad lines', () => {
    expect(status).toBe(0);
  });

  test('one result per good line', () => {
    expect(results.map((result) => result.line)).toEqual([1, 2, 4, 6, 8]);
    expect(results.map((result) => result.status)).toEqual(['graded', 'graded', 'invalid', 'graded', 'clarify']);
  });

  test('history carries across lines', () => {
    expect(results[1]).toMatchObject({ attempt: 2, score: 0.8, rawScore: 1, passed: true, interpretedAs: ['edge'] });
  });

  test('uncounted answers have null attempt', () => {
    // The same fields the grading API returns: attempt is null when the answer cost nothing.
    expect(results[2]).toMatchObject({ status: 'invalid', attempt: null, attemptsUsed: 0, countsAsAttempt: false });
    expect(results[4]).toMatchObject({ status: 'clarify', attempt: null, attemptsUsed: 0, countsAsAttempt: false });
    expect(results[1]).toMatchObject({ attempt: 2, attemptsUsed: 2, countsAsAttempt: true });
  });

  test('results carry versions', () => {
    expect(results[0]?.graderVersion).toBe(GRADER_VERSION);
    expect(results[0]?.keyVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  test('reports skipped lines by number', () => {
    expect(stderr).toContain('slipway grade: line 3: invalid JSON:');
    expect(stderr).toContain('slipway grade: line 7: checkpointId: no checkpoint "missing" under quizzes/; skipped');
    expect(stderr).toContain('slipway grade: line 9: submissionId: "2" was already graded for this learner and checkpoint; skipped');
    expect(stderr).toContain('slipway grade: line 10: learnerId: Expected letters, digits, "_" or "-"; skipped');
  });

  test('prints the summary', () => {
    expect(stderr).toContain('total 9, graded 3, invalid 1, clarify 1, skipped 4');
    expect(stderr).toContain('pass rate 33.3% of graded (1 passed)');
    expect(stderr).toContain('chosen in heart-rate: serverless 1 (50.0%), edge 1 (50.0%)');
    expect(stderr).toContain('chosen in container-benefits: isolation 1 (50.0%), portability 1 (50.0%)');
  });

  test('--out writes the same results', () => {
    const out = join(folder, 'results.jsonl');
    const written = runCli([input, '--out', out, '--no-feedback']);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0] ?? '{}').feedback).toEqual([]);
  });

  test('--max-errors caps the report', () => {
    const capped = runCli([input, '--max-errors', '1', '--no-feedback']);
    expect(capped.stderr).toContain('slipway grade: line 3: invalid JSON:');
    expect(capped.stderr).not.toContain('line 7:');
    expect(capped.stderr).toContain('slipway grade: 3 more skipped lines not shown (--max-errors 1)');
  });

  test('usage errors exit 2', () => {
    const missing = runCli([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('slipway grade: missing the input file');
    expect(runCli([input, '--bogus']).status).toBe(2);
  });

  test('unreadable input exits 1', () => {
    const result = runCli([join(folder, 'absent.jsonl')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('slipway grade: cannot read');
  });
});
