// Shared steps of the browser-mode suite.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'fr' | 'en';

/** Opens the app with the UI language preset, as a person who chose it earlier on this computer. */
export async function openApp(page: Page, lang: Lang, hash = ''): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
  await page.goto(hash ? `./#/${hash}` : './');
  await expect(page.getByTestId('header-workspace-name')).toBeVisible();
}

/** Saves a screenshot of the whole screen under test-results/screens and attaches it to the report. */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // A full-page capture stitches scrolled views, which repeats the fixed header and navigation half-way
  // down. Growing the viewport to the page's height shows the screen as one tall window would.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
