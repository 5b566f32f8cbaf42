// A data folder protected by a passphrase opens on the unlock screen; the app appears once unlocked.
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, type Backend } from './backend';
import { saveScreen } from './helpers';

const PASSPHRASE = 'correct horse battery staple';
let backend: Backend | undefined;
let baseUrl = '';

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-locked-'));
  // In its own process: Playwright's loader cannot require the core's ESM-only packages; tsx maps them as the npm scripts do.
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/lockedDataFolder.ts', dataDir, PASSPHRASE], {
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
    stdio: 'inherit',
  });
  backend = await startBackend({ name: 'locked', dataDir, env: { TOCSIN_TOKEN: 'locked-token' } });
  baseUrl = backend.url;
});

test.afterAll(() => backend?.stop());

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
