/**
 * Throughput and latency of POST /api/checkpoints/{id}/submissions on the
 * production build with SQLite.
 *
 *   npx node bench/grading-api.ts [--requests 20000] [--concurrency 8,16,32,64]
 *     [--warmup 2000] [--dist DIR] [--synchronous FULL|NORMAL] [--bare]
 *     [--postgres URL] [--cpu-prof DIR]
 *
 * Builds the site into a temporary folder (or uses --dist), starts
 * `node scripts/serve.mjs` (what `npm start` runs) on 127.0.0.1 with a new
 * SQLite file, and drives it from a second process over keep-alive HTTP/1.1
 * connections. After one warm-up, the driver runs `--requests` submissions at
 * each number of requests in flight listed in --concurrency, one run after the
 * other. Every request comes from its own learner, so the rate limit never
 * triggers. For each run it prints throughput, latency percentiles, the
 * server's CPU time per submission and the load average when the run started.
 * At the end it checks that the database contains one attempt per
 * acknowledged request.
 *
 * --postgres URL stores in PostgreSQL instead: the bench creates a new database
 * on that server (URL names an existing database to connect to first) and
 * drops it at the end.
 *
 * --bare serves the same submission handler from a plain node:http server
 * instead of the Astro build, to separate the cost of the adapter's HTTP layer
 * from the cost of grading and storing.
 *
 * --cpu-prof DIR starts the server with `node --cpu-prof` and writes its V8
 * CPU profile (warm-up included) into DIR when the server stops.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';

const checkpointId = 'heart-rate';
const choices = ['container', 'serverless', 'managed-platform', 'model-as-a-service', 'edge'];

/** Time after which one request counts as failed, so a stuck server cannot hang the bench (ms). */
const requestTimeoutMs = 10_000;

/** One timed run at a fixed number of requests in flight, as the driver process measured it. */
type RunResult = {
  concurrency: number;
  requests: number;
  seconds: number;
  /** One-minute load average of the machine when the run started. */
  loadAverage: number;
  /** Server CPU time (user + system) during the run, in ms. */
  serverCpuMs: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
};

/** What the driver process prints: the warm-up size and one result per run. */
type DriverOutput = { warmup: number; runs: RunResult[] };

/** Return the value at quantile `q` of sorted `values`. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** POST one submission and resolve with its status code (0 when the request failed or timed out). */
function postOne(agent: Agent, url: URL, payload: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(requestTimeoutMs, () => req.destroy(new Error(`no response within ${requestTimeoutMs} ms`)));
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

/**
 * Return the CPU time (user + system, ms) a process has used so far, read from
 * /proc (Linux only). Ticks are assumed to be 10 ms (USER_HZ = 100).
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Warm up, then run `total` submissions at each concurrency in turn; the
 * driver process runs this. Learner ids carry the driver's pid and a sequence
 * number, so no learner ever submits twice.
 */
async function drive(baseUrl: string, serverPid: number, total: number, concurrencies: number[], warmup: number): Promise<DriverOutput> {
  const url = new URL(`/api/checkpoints/${checkpointId}/submissions`, baseUrl);
  const run = `${process.pid}-${Date.now()}`;
  let sequence = 0;

  const send = (agent: Agent): Promise<number> => {
    const index = sequence;
    sequence += 1;
    const payload = JSON.stringify({
      learnerId: `bench-${run}-${index}`,
      submissionId: `s-${index}`,
      answer: { choice: choices[index % choices.length], reasons: index % 2 === 0 ? ['offline', 'latency'] : [] },
      client: 'api',
    });
    return postOne(agent, url, payload);
  };

  /** Send `count` submissions with `concurrency` in flight and return each one's latency and status. */
  const sendAll = async (count: number, concurrency: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const latenciesMs: number[] = [];
    const statuses: Record<string, number> = {};
    let started = 0;
    const worker = async (): Promise<void> => {
      while (started < count) {
        started += 1;
        const begin = performance.now();
        const status = await send(agent);
        latenciesMs.push(performance.now() - begin);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    };
    const begin = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    const seconds = (performance.now() - begin) / 1000;
    agent.destroy();
    return { seconds, latenciesMs, statuses };
  };

  // Warm up the JIT, the prepared statements and the SQLite page cache once.
  await sendAll(warmup, Math.max(...concurrencies));

  const runs: RunResult[] = [];
  for (const concurrency of concurrencies) {
    const loadAverage = loadavg()[0] ?? Number.NaN;
    const cpuBefore = cpuMs(serverPid);
    const { seconds, latenciesMs, statuses } = await sendAll(total, concurrency);
    const serverCpuMs = cpuMs(serverPid) - cpuBefore;
    runs.push({ concurrency, requests: total, seconds, loadAverage, serverCpuMs, statuses, latenciesMs });
  }
  return { warmup, runs };
}

/** Return a TCP port that was free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
/** Build the site into `root/dist` and return that folder. */
function build(root: string): string {
  const outDir = join(root, 'dist');
  // Prerendering imports chunks from the output folder, so packages must resolve from there.
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, SLIPWAY_OUT_DIR: outDir, SLIPWAY_CACHE_DIR: join(root, 'cache') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`astro build failed with exit code ${result.status}`);
  return outDir;
}

/** Wait until GET /api/health returns 200. */
async function waitForServer(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not respond on ${baseUrl} within 30 s`);
}

/** Serve GET /api/health and the submissions endpoint with node:http only (the --bare server process). */
async function serveBare(port: number): Promise<void> {
  const { postSubmission } = await import('../src/lib/grading-service/handlers.ts');
  const server = createHttpServer((req, res) => {
    if (req.url === '/api/health') {
      res.end('{"status":"ok"}');
      return;
    }
    const checkpoint = /^\/api\/checkpoints\/([^/]+)\/submissions$/.exec(req.url ?? '')?.[1];
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    const webRequest = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body, duplex: 'half' } as RequestInit);
    void postSubmission(webRequest, checkpoint).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  server.listen(port, '127.0.0.1');
}

/** Create a new database on the server of `adminUrl` and return its URL and a function that drops it. */
async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `slipway_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Count the stored attempts in the SQLite file or PostgreSQL database the server used. */
async function countAttempts(dbPath: string, postgresUrl: string | undefined): Promise<number> {
  if (postgresUrl !== undefined) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM attempts');
    await client.end();
    return Number(result.rows[0]?.n);
  }
  const db = new DatabaseSync(dbPath, { readOnly: true });
  const stored = Number((db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n);
  db.close();
  return stored;
}

/** Run the driver in a second Node process and return its result. */
function runDriver(baseUrl: string, serverPid: number, total: number, concurrencies: number[], warmup: number): Promise<DriverOutput> {
  return new Promise((resolve, reject) => {
    const args = [
      import.meta.filename,
      '--driver', baseUrl,
      '--server-pid', String(serverPid),
      '--requests', String(total),
      '--concurrency', concurrencies.join(','),
      '--warmup', String(warmup),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as DriverOutput) : reject(new Error(`driver exited with ${code}`))));
  });
}

/** Print one run's throughput, latency percentiles, server CPU and load average. */
function printRun(result: RunResult): void {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(2).padStart(7);
  console.log(
    `  ${String(result.concurrency).padStart(3)} in flight  load ${result.loadAverage.toFixed(2).padStart(5)}  ` +
      `${(result.requests / result.seconds).toFixed(0).padStart(5)}/s  ` +
      `p50 ${ms(quantile(sorted, 0.5))}  p95 ${ms(quantile(sorted, 0.95))}  p99 ${ms(quantile(sorted, 0.99))}  ` +
      `max ${ms(sorted.at(-1) ?? 0)}  CPU ${(result.serverCpuMs / result.requests).toFixed(3)} ms  ` +
      `statuses ${JSON.stringify(result.statuses)}`,
  );
}

const { values } = parseArgs({
  options: {
    driver: { type: 'string' },
    'server-pid': { type: 'string' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8,16,32,64' },
    warmup: { type: 'string', default: '2000' },
    dist: { type: 'string' },
    bare: { type: 'boolean', default: false },
    'serve-bare': { type: 'string' },
    synchronous: { type: 'string', default: 'FULL' },
    postgres: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const total = Number(values.requests);
const concurrencies = values.concurrency.split(',').map(Number);
const warmup = Number(values.warmup);
if (!Number.isInteger(total) || total < 1 || concurrencies.some((value) => !Number.isInteger(value) || value < 1)) {
  throw new Error(`--requests and --concurrency must be positive whole numbers; found ${values.requests} and ${values.concurrency}`);
}

if (values['serve-bare'] !== undefined) {
  await serveBare(Number(values['serve-bare']));
} else if (values.driver !== undefined) {
  process.stdout.write(JSON.stringify(await drive(values.driver, Number(values['server-pid']), total, concurrencies, warmup)));
} else {
  const root = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
  const dbPath = join(root, 'bench.db');
  const postgres = values.postgres === undefined ? undefined : await createPostgresDatabase(values.postgres);
  try {
    const port = await freePort();
    const profileArgs = values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']];
    const serverArgs = values.bare
      ? [import.meta.filename, '--serve-bare', String(port)]
      : [...profileArgs, join(import.meta.dirname, '..', 'scripts', 'serve.mjs')];
    const server = spawn(process.execPath, serverArgs, {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        SLIPWAY_OUT_DIR: values.bare ? '' : (values.dist ?? build(root)),
        SLIPWAY_DB: dbPath,
        SLIPWAY_DB_SYNCHRONOUS: values.synchronous,
        DATABASE_URL: postgres?.url ?? '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForServer(baseUrl);
      const result = await runDriver(baseUrl, server.pid ?? 0, total, concurrencies, warmup);
      const stored = await countAttempts(dbPath, postgres?.url);

      const serverName = values.bare ? 'bare node:http server' : 'scripts/serve.mjs';
      const storageName = postgres === undefined ? `SQLite synchronous=${values.synchronous}` : 'PostgreSQL';
      console.log(`grading API bench (${serverName}, ${storageName}): ${total} submissions per run after ${warmup} warm-up`);
      for (const run of result.runs) printRun(run);

      const acknowledged = result.runs.reduce((sum, run) => sum + (run.statuses['201'] ?? 0), 0);
      const expected = total * result.runs.length;
      console.log(`  stored ${stored} attempts for ${expected} timed and ${warmup} warm-up submissions`);
      if (acknowledged !== expected || stored !== expected + warmup) {
        console.error('bench: not every submission was acknowledged with 201 and stored');
        process.exitCode = 1;
      }
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  } finally {
    await postgres?.drop();
    rmSync(root, { recursive: true, force: true });
  }
}
