// Measures `slipway grade`: the in-process grading loop and the whole CLI run
// over 200,000 generated submissions to the checkpoints under quizzes/.
// Reports wall time and CPU time, because CPU time stays meaningful when other
// processes share the machine. Linux only (child CPU time comes from /proc).
// Run from the repository root: npx node bench/grade-cli.ts [count]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchGrader } from '../src/lib/grading/cli/batch.ts';
import { serializeHead, serializeTail } from '../src/lib/grading/cli/serialize.ts';
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

type Timing = { wall: number; cpu: number };

/** Return the CPU seconds (user + system) used so far by waited-for child processes. */
function childCpuSeconds(): number {
  // Fields after the command name in /proc/self/stat; cutime and cstime are the 14th and 15th, in clock ticks.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on mainstream Linux builds (getconf CLK_TCK)
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

/** Time the CLI's grading loop in this process, optionally serialising each full result as the CLI does (head text, shared tail bytes). */
function timeLoop(serialise: boolean): Timing {
  const grader = createBatchGrader(checkpoints);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const outcome = grader.gradeLine(lines[index] ?? '', index + 1);
    if (serialise && 'result' in outcome) bytes += serializeHead(outcome.result).length + serializeTail(outcome.result, true).length;
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (grader.summary.total !== count) throw new Error(`expected ${count} lines, graded ${grader.summary.total}`);
  void bytes;
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Time one whole `slipway grade` process, from spawn to exit. */
function timeCli(extra: string[]): Timing {
  const out = join(folder, 'results.jsonl');
  const cpuStart = childCpuSeconds();
  const started = performance.now();
  execFileSync(process.execPath, ['bin/slipway.mjs', 'grade', input, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = (performance.now() - started) / 1000;
  if (statSync(out).size === 0) throw new Error('the CLI wrote no results');
  return { wall, cpu: childCpuSeconds() - cpuStart };
}

/** Run a measurement several times and keep the median wall and CPU times. */
function medianOf(measure: () => Timing): Timing {
  const samples = Array.from({ length: runs }, measure);
  return { wall: median(samples.map((sample) => sample.wall)), cpu: median(samples.map((sample) => sample.cpu)) };
}

/** Format a rate as "123,456/s". */
function rate(seconds: number): string {
  return `${Math.round(count / seconds).toLocaleString('en-US')}/s`;
}

timeLoop(false); // warm-up, so the JIT has compiled the hot paths
const measurements: Array<[string, Timing]> = [
  ['grading loop (parse, validate, grade)', medianOf(() => timeLoop(false))],
  ['grading loop + serialising each full result', medianOf(() => timeLoop(true))],
  ['whole CLI run, full results', medianOf(() => timeCli([]))],
  ['whole CLI run, --no-feedback', medianOf(() => timeCli(['--no-feedback']))],
];

console.log(`${count} submissions (${(text.length / 1e6).toFixed(1)} MB), median of ${runs} runs, Node ${process.versions.node}`);
console.log(`${'measurement'.padEnd(48)} ${'wall'.padStart(8)} ${'per wall s'.padStart(12)} ${'CPU'.padStart(8)} ${'per CPU s'.padStart(12)}`);
for (const [name, timing] of measurements) {
  console.log(
    `${name.padEnd(48)} ${`${timing.wall.toFixed(2)} s`.padStart(8)} ${rate(timing.wall).padStart(12)} ${`${timing.cpu.toFixed(2)} s`.padStart(8)} ${rate(timing.cpu).padStart(12)}`,
  );
}
rmSync(folder, { recursive: true, force: true });
