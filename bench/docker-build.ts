/**
 * Times the lab Docker engine on the heart-model fixture over a
 * MemoryFileSystem: a cold build (empty store, every step runs) and a warm
 * rebuild (every step CACHED). Each sample is one full `docker build`
 * command: state load, build, state save.
 *
 * Run: npx node bench/docker-build.ts [iterations]
 * Prints median and p95 in milliseconds after a warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDockerEngine } from '../src/lib/docker/index.ts';
import { MemoryFileSystem } from '../src/lib/vfs/index.ts';

const ITERATIONS = Number(process.argv[2] ?? 200);
const WARMUP = Math.max(20, Math.floor(ITERATIONS / 5));
const fixture = join(import.meta.dirname, '../src/lib/docker/fixtures/heart-model');
const clock = { now: () => new Date('2026-03-01T10:00:00Z') };
const io = { stdout: () => undefined, stderr: () => undefined };
const args = ['build', '-t', 'heart-model:1.0', '.'];

/** Return a memory filesystem with the fixture at /lab. */
function labFilesystem(): MemoryFileSystem {
  const files: Record<string, string> = {};
  for (const name of readdirSync(fixture)) files[`/lab/${name}`] = readFileSync(join(fixture, name), 'utf8');
  return MemoryFileSystem.fromFiles(files);
}

/** Return the median and 95th percentile of samples in milliseconds. */
function summarize(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
}

/** Time `ITERATIONS` runs of `sample` after `WARMUP` untimed ones. */
async function measure(sample: () => Promise<void>): Promise<{ median: number; p95: number }> {
  for (let index = 0; index < WARMUP; index += 1) await sample();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index += 1) {
    const start = performance.now();
    await sample();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

const cold = await measure(async () => {
  const engine = createDockerEngine({ fs: labFilesystem(), stateDir: '/state', clock });
  if ((await engine.run(args, io, { cwd: '/lab' })) !== 0) throw new Error('cold build failed');
});

const warmEngine = createDockerEngine({ fs: labFilesystem(), stateDir: '/state', clock });
if ((await warmEngine.run(args, io, { cwd: '/lab' })) !== 0) throw new Error('first build failed');
const warm = await measure(async () => {
  if ((await warmEngine.run(args, io, { cwd: '/lab' })) !== 0) throw new Error('warm rebuild failed');
});
const steps = (await warmEngine.store.builds()).at(-1)?.steps ?? [];
if (!steps.filter((step) => !step.title.includes(' FROM ')).every((step) => step.cached)) throw new Error('warm rebuild was not fully cached');

console.log(`iterations: ${ITERATIONS} (warm-up ${WARMUP})`);
console.log(`cold build (empty store)      median ${cold.median.toFixed(2)} ms  p95 ${cold.p95.toFixed(2)} ms`);
console.log(`warm rebuild (all CACHED)     median ${warm.median.toFixed(2)} ms  p95 ${warm.p95.toFixed(2)} ms`);
