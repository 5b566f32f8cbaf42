// Runs the Electron suite where an Electron binary exists; otherwise says so plainly and skips it.
import { spawnSync } from 'node:child_process';
import { findElectron } from './electronBinary.mjs';

const electron = findElectron();
if (!electron.binary) {
  console.log(`Electron suite skipped: ${electron.reason}. The browser-mode suite above covers the UI.`);
  process.exit(0);
}
const run = spawnSync('npx', ['playwright', 'test', '-c', 'tests/e2e/electron/playwright.electron.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, TOCSIN_ELECTRON_BINARY: electron.binary },
});
process.exit(run.status ?? 1);
