// `npm start`: opens the Electron window where Electron can run, otherwise falls back to browser mode.
import { spawn } from 'node:child_process';
import { findElectron } from './electronBinary.mjs';

const electron = findElectron();
// A newcomer's first launch shows the demo watch fed by a looping scenario (TOCSIN_DEMO=0 turns it off).
const env = { ...process.env, TOCSIN_DEMO: process.env.TOCSIN_DEMO ?? '1' };
// The passphrase and the fixed token serve browser mode only; Electron's own child processes start before its
// main script could drop them, so they are never handed to it.
const { TOCSIN_PASSPHRASE: _passphrase, TOCSIN_TOKEN: _token, ...electronEnv } = env;
const child = electron.binary
  ? spawn(electron.binary, ['.'], { stdio: 'inherit', env: electronEnv })
  : (console.log(`Electron cannot start here: ${electron.reason}. Starting browser mode instead.`),
    spawn(process.execPath, ['out/main/browser.js'], { stdio: 'inherit', env }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
