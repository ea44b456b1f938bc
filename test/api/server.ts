import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A production build of the site in a temporary folder. */
export type Build = { outDir: string; dispose(): void };

/** A running `node <outDir>/server/entry.mjs` on 127.0.0.1. */
export type RunningServer = { url: string; process: ChildProcess; stderr: () => string; stop(): Promise<void> };

/**
 * Build the site into a new temporary folder with `astro build`, or reuse the
 * build named by SLIPWAY_API_TEST_DIST (CI can build once for several runs).
 */
export function buildSite(): Build {
  const reuse = process.env.SLIPWAY_API_TEST_DIST;
  if (reuse !== undefined && reuse !== '') return { outDir: reuse, dispose: () => undefined };

  const root = mkdtempSync(join(tmpdir(), 'slipway-api-build-'));
  const outDir = join(root, 'dist');
  // Prerendering imports chunks from the output folder, so packages must resolve from there.
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, SLIPWAY_OUT_DIR: outDir, SLIPWAY_CACHE_DIR: join(root, 'cache') },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { outDir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Return a TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Start the built server with the given SQLite file (or DATABASE_URL in `env`) and wait until it responds. */
export async function startServer(outDir: string, env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server did not respond on ${url} within 30 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    process: child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
