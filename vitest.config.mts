// Unit tests run under Node; component tests render the renderer's React components under jsdom.
// Playwright specs under tests/e2e are excluded.
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Files that start cells keep a worker of their own too: automerge-repo's wait for a document outlives a closed
// repo by up to 60 s and then rejects, which would land in whatever file the shared worker runs next.
const startsCells = /@automerge|cellLaptop|['"]cell:/;
const cellFiles = readdirSync('tests/unit', { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => `tests/unit/${file.split(sep).join('/')}`)
  .filter((file) => startsCells.test(readFileSync(file, 'utf8')));
const isolatedUnitFiles = [
  'tests/unit/main/shell/**/*.test.ts',
  'tests/unit/preload/**/*.test.ts',
  'tests/unit/main/features/clocks/deadlineInstants.test.ts',
  ...cellFiles,
];

export default defineConfig({
  plugins: [react()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-vitest.json' }]] : ['default'],
    projects: [
      // Sharing workers' module cache between unit files (isolate: false) cut the suite's time by two thirds, but a
      // core a test leaves open then fires its timers into the next files; until those leaks are closed every file
      // runs in a fresh worker. The files below are the ones that must, whatever that setting.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: isolatedUnitFiles, environment: 'node' } },
      { extends: true, test: { name: 'unit-isolated', include: isolatedUnitFiles, environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
