// Shared steps of the browser-mode suite.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'fr' | 'en';

/** Opens the app with the UI language preset, as a person who chose it earlier on this computer. */
export async function openApp(page: Page, lang: Lang, hash = ''): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('tocsin.language', l), lang);
  await page.goto(hash ? `./#/${hash}` : './');
  // A first load parses the whole bundle: seconds more than the default wait on a loaded two-core machine.
  await expect(page.getByTestId('header-workspace-name')).toBeVisible({ timeout: 15_000 });
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

/** A contract call over the browser-mode transport, to set the scene a step needs; throws on a failure. */
export async function rpc<T = unknown>(request: APIRequestContext, channel: string, input: unknown): Promise<T> {
  // A kept-alive socket the server has just closed resets before the request reaches it: that one is sent again.
  const post = () => request.post(`./rpc/${channel}`, { data: input });
  const response = await post().catch((error: unknown) => {
    if (error instanceof Error && error.message.includes('ECONNRESET')) return post();
    throw error;
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
  return result.value as T;
}

/** axe-core on what is shown (or on `scope` only): no serious or critical violation. */
export async function expectAccessible(page: Page, what: string, scope?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

/** A burst of angry mentions and a journalist with a large audience, as a scribe would capture them: detection raises an alert on `brand`. */
export async function raiseAlert(request: APIRequestContext, brand: string): Promise<void> {
  await rpc(request, 'watches:create', { workspaceId: 'live', watch: { name: brand, keywords: [brand] } });
  const now = Date.now();
  for (let i = 0; i < 26; i += 1) {
    const journalist = i === 25;
    await rpc(request, 'mentions:capture', {
      workspaceId: 'live',
      capture: {
        channel: journalist ? 'pressCall' : 'phonePost',
        outlet: journalist ? 'Le Temps' : 'Instagram',
        authorName: journalist ? 'Claire Martin' : `Client ${i}`,
        authorKind: journalist ? 'journalist' : 'public',
        audience: journalist ? 250_000 : 200 + i,
        text: i % 2 ? `Scandale chez ${brand} : fuite de données, #boycott` : `${brand} nous ment, c’est honteux et inadmissible (${i})`,
        language: 'fr',
        occurredAt: new Date(now - (26 - i) * 15_000).toISOString(),
      },
    });
  }
}
