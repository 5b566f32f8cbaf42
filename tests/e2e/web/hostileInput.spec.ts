// Hostile mention text (script, HTML, event handlers, RTL override, zero-width, huge payloads) must stay
// inert text on every screen: no script runs, no dialog opens, no layout breaks.
import { expect, test, type Page } from './fixtures';
import { openApp } from './helpers';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>Fuite de données',
  '<img src=x onerror="window.__pwned=\'img\'">banque',
  '<a href="javascript:window.__pwned=\'link\'">cliquez ici</a>',
  '<svg onload="window.__pwned=\'svg\'"></svg><iframe src="javascript:alert(1)"></iframe>',
  '\u202eNOITCURTSNI\u202c — scandale \u200b\u200b\u200b\u2066isolé\u2069',
  '{{constructor.constructor("window.__pwned=1")()}} ${7*7} <style>body{display:none}</style>',
  'A'.repeat(18_000),
  `${'fuite-de-données-'.repeat(1_000)}`,
];

async function capture(page: Page, text: string, i: number): Promise<void> {
  const response = await page.request.post('./rpc/mentions:capture', {
    headers: { 'Content-Type': 'application/json' },
    data: {
      workspaceId: 'live',
      capture: {
        channel: 'phonePost',
        outlet: `<b onmouseover="window.__pwned='outlet'">Réseau ${i}</b>`,
        authorName: '<img src=x onerror="window.__pwned=\'author\'">',
        text,
        occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      },
    },
  });
  const body = (await response.json()) as { ok: boolean };
  expect(body.ok).toBe(true);
}

async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), where).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where}: page wider than the window`).toBeLessThanOrEqual(1);
}

test('hostile mention text renders as inert text on every screen, and no screen calls outside the app', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const outside: string[] = [];
  // No telemetry, no remote fonts, no beacon from mention content: every request stays on the app's origin.
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, 'fr');
  for (const [i, text] of PAYLOADS.entries()) await capture(page, text, i);

  const areas = await page.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')!));
  for (const nav of areas) {
    await page.getByTestId(nav).click();
    await page.waitForLoadState('networkidle');
    await expectInert(page, nav);
  }

  await page.getByTestId('nav-mentions').click();
  const cards = page.getByTestId('mention-card');
  await expect(cards.first()).toBeVisible();
  // Markup in names shows as literal text; markup in bodies is stripped to plain text at ingestion.
  await expect(page.getByTestId('mentions-list')).toContainText(`onerror="window.__pwned='author'"`);
  await expect(page.getByTestId('mentions-list')).toContainText('Fuite de données');
  const count = Math.min(await cards.count(), PAYLOADS.length);
  for (let i = 0; i < count; i++) {
    await cards.nth(i).click();
    await expect(page.getByTestId('mention-detail')).toBeVisible();
    await expectInert(page, `mention detail ${i}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('mention-detail')).toBeHidden();
  }
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
});
