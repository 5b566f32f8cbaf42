// `npm test`: every check in order. A failing step does not hide the others' results: all steps run
// (except the end-to-end suites when the build failed), then the exit code says whether any failed.
// Step outcomes go to .ci-steps.json so CI's closing line can count a failed typecheck, lint or build.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const steps = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit and component tests', script: 'test:unit', counted: true },
  { name: 'build', script: 'build' },
  { name: 'browser-mode end-to-end suite', script: 'test:e2e:web', counted: true, needs: 'build' },
  { name: 'Electron suite', script: 'test:e2e:electron', counted: true, needs: 'build' },
];

const outcome = {};
for (const step of steps) {
  if (step.needs && outcome[step.needs] !== 'passed') {
    console.log(`\n${step.name}: not run, because the ${step.needs} failed.`);
    outcome[step.script] = 'not run';
    continue;
  }
  console.log(`\n=== ${step.name} (npm run ${step.script}) ===`);
  const run = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit', shell: process.platform === 'win32' });
  outcome[step.script] = run.status === 0 ? 'passed' : 'failed';
}

writeFileSync(
  '.ci-steps.json',
  JSON.stringify(steps.map((s) => ({ name: s.name, script: s.script, counted: Boolean(s.counted), outcome: outcome[s.script] })), null, 2),
);
const failed = steps.filter((s) => outcome[s.script] !== 'passed');
console.log(`\n${failed.length === 0 ? 'All checks passed.' : `Failed: ${failed.map((s) => s.name).join(', ')}.`}`);
process.exit(failed.length === 0 ? 0 : 1);
