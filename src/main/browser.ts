// Entry point of browser mode: the core in plain Node, the renderer in any browser on this machine.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from './platform/clock';
import { createHost } from './app/host';
import { consoleLogger } from './platform/logger';
import { APP_VERSION, defaultDataDir } from './platform/paths';
import { lockDataFolder } from './platform/db/dataFolderLock';
import { exitOnStartupFailure } from './app/startupFailure';
import { KeyRing } from './platform/security/keyRing';
import { childEnvironment, takeSecret } from './platform/security/secretEnvironment';
import { startBrowserServer } from './server/httpServer';
import { inEnglish } from './platform/i18n/failure';

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Before anything reads or writes the folder: a second process on it refuses to start, naming the first.
  const lock = lockDataFolder(dataDir, { shell: 'browser', version: APP_VERSION });
  const keyRing = new KeyRing(dataDir);
  // Headless runs may pass the passphrase; otherwise the page asks for it.
  const passphrase = takeSecret('TOCSIN_PASSPHRASE');
  if (keyRing.locked && passphrase) await keyRing.unlock(passphrase);
  const host = createHost({
    dataDir,
    keyRing,
    clock: systemClock,
    logger: consoleLogger,
    shell: { shell: 'browser', version: APP_VERSION },
    checkOutput: process.env.NODE_ENV !== 'production',
    // `npm start` turns the demo watch on for newcomers; tests and other launches leave it off.
    demo: process.env.TOCSIN_DEMO === '1',
    // A fresh data folder asks how the live plan starts; the test suites preset the sample.
    firstPlan: process.env.TOCSIN_FIRST_PLAN === 'sample' ? 'sample' : 'ask',
  });
  const server = await startBrowserServer({
    dispatch: host.dispatch,
    events: host.events,
    rendererDir: join(__dirname, '../renderer'),
    logger: consoleLogger,
    port: process.env.TOCSIN_PORT ? Number(process.env.TOCSIN_PORT) : 0,
    token: takeSecret('TOCSIN_TOKEN'),
  });
  process.stdout.write(`${inEnglish('platform.startup.browserMode', { url: server.url })}\n`);
  // The browser gets a one-time address: a command line is readable by every user of the machine.
  if (!process.env.TOCSIN_NO_OPEN && hasDisplay()) openInBrowser(server.launchUrl());

  const stop = (): void => {
    void server.close().then(() => {
      host.close();
      lock.release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const hasDisplay = (): boolean =>
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore', env: childEnvironment() });
  // No system browser is not an error: the URL is printed above.
  child.on('error', () => {});
  child.unref();
}

main().catch(exitOnStartupFailure);
