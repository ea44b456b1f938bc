import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// The e2e suite runs against the production build served by the Node adapter.
// E2E_PORT and SLIPWAY_OUT_DIR let several suites run side by side.
const port = Number(process.env.E2E_PORT ?? 4329);
const outDir = process.env.SLIPWAY_OUT_DIR ?? 'dist';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: "astro build && node scripts/serve.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      SLIPWAY_OUT_DIR: outDir,
      SLIPWAY_DB: process.env.SLIPWAY_DB ?? `${outDir}/e2e.db`,
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
