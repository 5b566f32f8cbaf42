// Electron-only checks: the real window's security settings, navigation and window-open guards.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the main window is hardened and refuses to leave the app', async () => {
  const app = await electron.launch({
    executablePath: process.env.TOCSIN_ELECTRON_BINARY,
    args: ['.'],
    env: { ...process.env, TOCSIN_DATA_DIR: mkdtempSync(join(tmpdir(), 'tocsin-electron-')) },
  });
  const page = await app.firstWindow();
  await expect(page.getByTestId('header-workspace-name')).toBeVisible();

  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents;
    return { url: wc.getURL(), prefs: (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences() };
  });
  expect(prefs.url.startsWith('app://tocsin/')).toBe(true);
  expect(prefs.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
  await page.evaluate(() => (window.location.href = 'https://example.invalid/'));
  await expect(page.getByTestId('header-workspace-name')).toBeVisible();
  expect(page.url().startsWith('app://tocsin/')).toBe(true);
  await app.close();
});
