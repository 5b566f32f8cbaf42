// Browser-mode end-to-end suite: Debian's Chromium against the real backend (node out/main/browser.js).
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each run gets its own data folder and port, so parallel runs on one machine do not collide.
const dataDir = process.env.TOCSIN_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tocsin-e2e-'));
const port = Number(process.env.TOCSIN_E2E_PORT ?? 20_000 + (process.pid % 20_000));
const token = 'e2e-launch-token';
process.env.TOCSIN_E2E_DATA_DIR = dataDir;
process.env.TOCSIN_E2E_PORT = String(port);
// Per-run output folder: several runs on one machine must not delete each other's traces.
const outputDir = process.env.TOCSIN_E2E_OUT ?? `test-results/e2e-${process.pid}`;
process.env.TOCSIN_E2E_OUT = outputDir;
// The shared backend and the ones specs start themselves open on the sample plan; readiness.spec asks on its own.
process.env.TOCSIN_FIRST_PLAN = 'sample';

export const E2E_BASE_URL = `http://127.0.0.1:${port}/${token}/`;

export default defineConfig({
  testDir: 'tests/e2e/web',
  outputDir,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.ci-playwright.json' }]] : 'list',
  use: {
    baseURL: E2E_BASE_URL,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.TOCSIN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node out/main/browser.js',
    url: `${E2E_BASE_URL}favicon.svg`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      TOCSIN_DATA_DIR: dataDir,
      TOCSIN_PORT: String(port),
      TOCSIN_TOKEN: token,
      TOCSIN_NO_OPEN: '1',
      TOCSIN_E2E: '1',
      TOCSIN_FIRST_PLAN: 'sample',
    },
  },
});
