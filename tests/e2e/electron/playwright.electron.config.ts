// Electron suite: runs only where an Electron binary exists (scripts/e2e-electron.mjs decides).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.espec.ts',
  outputDir: '../../../test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '../../../.ci-electron.json' }]] : 'list',
});
