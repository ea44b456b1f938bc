/**
 * Measures how soon a lab page is usable on the in-page runtime: the time from
 * navigation start to the terminal prompt (`lab:terminal-ready`) and to an
 * editable editor (`lab:editor-ready`). "Ready" is the later of the two. The
 * page sets both marks in `src/scripts/lab/readiness.ts`.
 *
 * Cold runs use a fresh browser context each (empty HTTP cache and IndexedDB);
 * warm runs reuse one context after a priming visit.
 *
 * Run: npx node bench/lab-ready.ts [runs] [--no-build]
 * Builds the site into .slipway/bench-lab-dist (unless --no-build), serves it
 * with the Node adapter on 127.0.0.1:4591 and drives Debian's Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

const RUNS = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10);
const BUILD = !process.argv.includes('--no-build');
const PORT = 4591;
const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = '.slipway/bench-lab-dist';
const LAB_URL = `http://127.0.0.1:${PORT}/labs/dockerfile-basics/?runtime=inpage`;

type Sample = { terminal: number; editor: number; ready: number };

/** Return the median and 95th percentile (nearest rank) of samples. */
function summarize(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  return { median: rank(0.5), p95: rank(0.95) };
}

/** Start the production server and wait until its health endpoint responds. */
async function startServer(): Promise<() => void> {
  const server = spawn(process.execPath, [join(OUT_DIR, 'server/entry.mjs')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return () => server.kill();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`The server in ${OUT_DIR} did not respond on port ${PORT} within 10 s; run without --no-build to rebuild it.`);
}

/** Open the lab in `context` and read the readiness marks, in milliseconds after navigation start. */
async function sample(context: BrowserContext): Promise<Sample> {
  const page = await context.newPage();
  // WebContainer is not under test, and nothing may leave this machine: every other host is blocked.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
  await page.goto(LAB_URL);
  await page.waitForSelector('.lab[data-ready-terminal="true"][data-ready-editor="true"]', { timeout: 30_000 });
  const marks = await page.evaluate(() => {
    const at = (name: string): number => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return { terminal: at('lab:terminal-ready'), editor: at('lab:editor-ready') };
  });
  await page.close();
  return { ...marks, ready: Math.max(marks.terminal, marks.editor) };
}

/** Print one row of results. */
function report(label: string, samples: Sample[]): void {
  const cell = (values: number[]): string => {
    const { median, p95 } = summarize(values);
    return `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`;
  };
  console.log(`${label} (${samples.length} runs)`);
  console.log(`  terminal prompt: ${cell(samples.map((s) => s.terminal))}`);
  console.log(`  editor editable: ${cell(samples.map((s) => s.editor))}`);
  console.log(`  both ready:      ${cell(samples.map((s) => s.ready))}`);
}

if (BUILD) {
  const build = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SLIPWAY_OUT_DIR: OUT_DIR } });
  if (build.status !== 0) throw new Error(`astro build failed with exit code ${build.status}`);
}

const stopServer = await startServer();
let browser: Browser | null = null;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

  const cold: Sample[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    cold.push(await sample(context));
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await sample(context);
  const warm: Sample[] = [];
  for (let run = 0; run < RUNS; run += 1) warm.push(await sample(context));
  await context.close();

  report('cold cache', cold);
  report('warm cache', warm);
  // Other work on the machine skews the numbers, so the load is printed with them.
  console.log(`load average (1, 5, 15 min): ${loadavg().map((load) => load.toFixed(2)).join(', ')}`);
} finally {
  await browser?.close();
  stopServer();
}
