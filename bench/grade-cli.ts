// Measures `slipway grade`: the in-process grading loop and the whole CLI run
// over 200,000 generated submissions to the checkpoints under quizzes/.
// Run from the repository root: npx node bench/grade-cli.ts [count]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchGrader } from '../src/lib/grading/cli/batch.ts';
import { loadCheckpoints } from '../src/lib/grading/load.ts';

const count = Number(process.argv[2] ?? 200_000);
const runs = 3;

const texts = [
  'run it on the watch with Core ML',
  'edge',
  'not serverless, on-device',
  'on-device inference with TFLite because the data must stay on the phone',
  'serverless or edge',
  'a kubernetes cluster',
  'no idea',
  'Lambda, it scales to zero',
  'instead of a hosted api I would run it locally with ONNX Runtime',
  'never a container; use the device',
];

/** Pick from a list with a deterministic generator, so every run grades the same file. */
function makePicker(seed: number): <T>(items: readonly T[]) => T {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return items[state % items.length] as T;
  };
}

/** Generate `total` JSONL lines: choices, free text, multiple select, invalid and malformed lines. */
function generate(total: number): string {
  const pick = makePicker(42);
  const scenarioIds = ['container', 'serverless', 'managed-platform', 'model-as-a-service', 'edge'];
  const benefitIds = ['isolation', 'reproducibility', 'portability', 'immutability', 'faster-inference', 'no-gpu-drivers', 'patched-forever'];
  const tagIds = ['latest', 'version-tag', 'digest', 'rebuild'];
  const lines: string[] = [];

  for (let index = 0; index < total; index += 1) {
    const learnerId = `learner-${index % 25_000}`;
    const submissionId = `s${index}`;
    const roll = index % 20;
    let line: object | string;
    if (roll < 6) line = { checkpointId: 'heart-rate', learnerId, submissionId, answer: { choice: pick(scenarioIds), reasons: ['latency', 'offline'] } };
    else if (roll < 10) line = { checkpointId: 'heart-rate', learnerId, submissionId, answer: { text: pick(texts) } };
    else if (roll < 13) line = { checkpointId: 'container-benefits', learnerId, submissionId, answer: { choices: [pick(benefitIds), pick(benefitIds), pick(benefitIds)] } };
    else if (roll < 16) line = { checkpointId: 'image-tags', learnerId, submissionId, answer: { choice: pick(tagIds) } };
    else if (roll < 18) line = { checkpointId: 'cold-starts', learnerId, submissionId, answer: { text: pick(texts) } };
    else if (roll < 19) line = { checkpointId: 'heart-rate', learnerId, submissionId, answer: { choice: 'no-such-option' } };
    else line = index % 40 === 19 ? '{"checkpointId": "heart-rate", broken' : { checkpointId: 'image-tags', learnerId, submissionId, answer: { choices: ['digest'] } };
    lines.push(typeof line === 'string' ? line : JSON.stringify(line));
  }
  return `${lines.join('\n')}\n`;
}

/** Return the median of the samples. */
function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const folder = mkdtempSync(join(tmpdir(), 'slipway-grade-bench-'));
const input = join(folder, 'submissions.jsonl');
const text = generate(count);
writeFileSync(input, text);
const lines = text.split('\n');
const checkpoints = loadCheckpoints();

/** Time the CLI's grading loop in this process, optionally serialising each result as the CLI does. */
function timeLoop(serialise: boolean): number {
  const grader = createBatchGrader(checkpoints);
  const started = performance.now();
  let bytes = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const outcome = grader.gradeLine(lines[index] ?? '', index + 1);
    if (serialise && 'result' in outcome) bytes += JSON.stringify(outcome.result).length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (grader.summary.total !== count) throw new Error(`expected ${count} lines, graded ${grader.summary.total}`);
  void bytes;
  return seconds;
}

/** Time one whole `slipway grade` process, from spawn to exit. */
function timeCli(extra: string[]): number {
  const out = join(folder, 'results.jsonl');
  const started = performance.now();
  execFileSync(process.execPath, ['bin/slipway.mjs', 'grade', input, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - started) / 1000;
  if (statSync(out).size === 0) throw new Error('the CLI wrote no results');
  return seconds;
}

timeLoop(false); // warm-up, so the JIT has compiled the hot paths
const measurements: Array<[string, number]> = [
  ['grading loop (parse, validate, grade)', median(Array.from({ length: runs }, () => timeLoop(false)))],
  ['grading loop + JSON.stringify of each result', median(Array.from({ length: runs }, () => timeLoop(true)))],
  ['whole CLI run, full results', median(Array.from({ length: runs }, () => timeCli([])))],
  ['whole CLI run, --no-feedback', median(Array.from({ length: runs }, () => timeCli(['--no-feedback'])))],
];

console.log(`${count} submissions (${(text.length / 1e6).toFixed(1)} MB), median of ${runs} runs, Node ${process.versions.node}`);
for (const [name, seconds] of measurements) {
  console.log(`${name.padEnd(48)} ${seconds.toFixed(3)} s  ${Math.round(count / seconds).toLocaleString('en-US')} submissions/s`);
}
rmSync(folder, { recursive: true, force: true });
