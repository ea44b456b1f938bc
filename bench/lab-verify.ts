/**
 * Time server-side lab verification (`verifyLab`): the solution replay of
 * each lab, and a worst case of `docker build --no-cache` commands, as many as
 * a submission may carry.
 *
 * Usage: npx node bench/lab-verify.ts [RUNS]
 */
import { loadLabs } from '../src/lib/labs/definition/load.ts';
import { MAX_SUBMISSION_BUILDS } from '../src/lib/labs/verify/submission.ts';
import { verifyLab } from '../src/lib/labs/verify/verify.ts';
import { journalFromCommands } from '../src/lib/labs/verify/journal.ts';
import { REPLAY_TIME } from '../src/lib/labs/verify/replay.ts';

const runs = Number(process.argv[2] ?? 20);

/** Return the value at quantile `q` of sorted samples. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Run `work` `runs` times after 3 warm-up runs and print median and p95 in ms. */
async function measure(name: string, work: () => Promise<unknown>): Promise<void> {
  for (let warm = 0; warm < 3; warm += 1) await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`| ${name} | ${quantile(samples, 0.5).toFixed(1)} ms | ${quantile(samples, 0.95).toFixed(1)} ms |`);
}

const labs = loadLabs();
console.log('| case | median | p95 |\n| --- | --- | --- |');
for (const lab of labs) {
  const submission = { journal: journalFromCommands(lab.solutionCommands, REPLAY_TIME, lab.solution), files: { ...lab.files, ...lab.solution } };
  await measure(`${lab.id} solution (${lab.solutionCommands.length} commands)`, () => verifyLab(lab, submission));
}

const basics = labs.find((lab) => lab.id === 'dockerfile-basics');
if (basics !== undefined) {
  const rebuilds = Array.from({ length: MAX_SUBMISSION_BUILDS }, (_unused, index) => `docker build --no-cache -t heart-model:${index} .`);
  await measure(`${MAX_SUBMISSION_BUILDS} uncached builds (the build cap)`, () => verifyLab(basics, { journal: journalFromCommands(rebuilds, REPLAY_TIME, basics.solution), files: { ...basics.files, ...basics.solution } }));
}
