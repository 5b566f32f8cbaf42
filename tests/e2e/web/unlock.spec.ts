// A data folder protected by a passphrase opens on the unlock screen; the app appears once unlocked.
import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveScreen } from './helpers';

const PASSPHRASE = 'correct horse battery staple';
let server: ChildProcess | undefined;
let baseUrl = '';

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-locked-'));
  // In its own process: Playwright's loader cannot require the core's ESM-only packages; tsx maps them as the npm scripts do.
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/lockedDataFolder.ts', dataDir, PASSPHRASE], {
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
    stdio: 'inherit',
  });

  const port = 30_000 + (process.pid % 10_000);
  server = spawn(process.execPath, ['out/main/browser.js'], {
    env: { ...process.env, TOCSIN_DATA_DIR: dataDir, TOCSIN_PORT: String(port), TOCSIN_TOKEN: 'locked-token', TOCSIN_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    server?.stdout?.on('data', (chunk: Buffer) => {
      const match = /Open: (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    server?.on('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
});

for (const lang of ['fr', 'en'] as const) {
  test(`the unlock screen refuses a wrong passphrase and opens with the right one (${lang})`, async ({ page }, testInfo) => {
    await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
    await page.goto(baseUrl);
    await expect(page.getByTestId('unlock-screen')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'fr' ? 'Tocsin est verrouillé' : 'Tocsin is locked');
    await saveScreen(page, testInfo, `${lang}-unlock`);
    if (lang === 'en') {
      await page.getByTestId('unlock-passphrase').fill('not the passphrase');
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByText('Wrong passphrase.')).toBeVisible();
      await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('header-workspace-name')).toBeVisible();
    }
  });
}
