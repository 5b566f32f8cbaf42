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
      // Unit files share their worker's module cache (isolate: false): a third of the time. The test kit closes every
      // core a file leaves open when the file ends, so no timer of one file fires into the next. The files below keep
      // a fresh worker each whatever that setting: they mock modules, fix the time zone or start cells.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: isolatedUnitFiles,
          environment: 'node',
          isolate: false,
          setupFiles: ['tests/support/closeCoresLeftOpen.ts'],
        },
      },
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
