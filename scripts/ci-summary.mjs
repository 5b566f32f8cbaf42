// Prints CI's closing line `N passed, N failed[, N skipped]` from the test runners' JSON reports.
// A missing required report counts as one failure: a step that never ran must not look green.
import { existsSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));

function vitest(file) {
  const v = read(file);
  // A test file that fails to load has no failed test of its own; count it as one failure.
  const loadErrors = (v.testResults ?? []).filter(
    (s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + loadErrors;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}

function playwright(file) {
  const report = read(file);
  totals.passed += report.stats.expected + report.stats.flaky;
  // Errors outside tests (web server did not start, config error) are failures too.
  totals.failed += report.stats.unexpected + (report.errors?.length ?? 0);
  totals.skipped += report.stats.skipped;
}

// Steps without a test report of their own (typecheck, lint, build) count as one failure each when they fail;
// a test step that did not run at all (its report is missing) is counted below.
if (existsSync('.ci-steps.json')) {
  for (const step of read('.ci-steps.json')) {
    if (!step.counted && step.outcome !== 'passed') {
      console.log(`step failed: ${step.name}`);
      totals.failed += 1;
    }
  }
}

const reports = [
  { file: '.ci-vitest.json', read: vitest, required: true },
  { file: '.ci-playwright.json', read: playwright, required: true },
  { file: '.ci-electron.json', read: playwright, required: false },
];
for (const r of reports) {
  if (existsSync(r.file)) r.read(r.file);
  else if (r.required) {
    console.log(`no report ${r.file} (its step did not run or crashed): counted as 1 failure`);
    totals.failed += 1;
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
