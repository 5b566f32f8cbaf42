// Browser-mode end-to-end suite: Debian's Chromium against the real backend (node out/main/browser.js).
import { defineConfig } from '@playwright/test';

// Per-run output folder: several runs on one machine must not delete each other's traces.
const outputDir = process.env.TOCSIN_E2E_OUT ?? `test-results/e2e-${process.pid}`;
process.env.TOCSIN_E2E_OUT = outputDir;
// The backends specs start inherit the sample plan, like the workers' own (fixtures.ts); readiness.spec's fresh one asks.
process.env.TOCSIN_FIRST_PLAN = 'sample';

export default defineConfig({
  testDir: 'tests/e2e/web',
  outputDir,
  // Each worker has a backend of its own (fixtures.ts); a spec file's tests stay in order in one worker. One worker
  // by default: on two cores a second one made every test about twice as slow, so the suite took as long.
  fullyParallel: false,
  workers: Number(process.env.TOCSIN_E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.ci-playwright.json' }]] : 'list',
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.TOCSIN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
