// Detection end to end in browser mode: a journalist's call with a large audience is captured, then a burst of
// critical articles arrives through the RSS connector from a loopback feed; the level banner goes to alert by push (no reload), the why-card names the crisis vocabulary
// and the influential author; the alert is acknowledged; a backtest is drawn; tone is corrected on a mention.
import { expect, test, type Page } from './fixtures';
import { startFeedServer } from '../../support/feedServer';
import { saveScreen } from './helpers';

const WATCH = 'Banque Léman';

function burstFeed(): string {
  const now = Date.now();
  const lines = [
    'Scandale à la Banque Léman : fuite de données massive chez les clients',
    'Fuite de données : la Banque Léman savait, #boycott lancé',
    'Banque Léman : les clients dénoncent une arnaque et portent plainte',
    'Piratage à la Banque Léman, des milliers de comptes exposés, honteux',
  ];
  const items = Array.from({ length: 24 }, (_, i) => {
    return `<item>
      <title>${lines[i % lines.length]} (${i})</title>
      <link>https://presse.example/articles/${i}</link>
      <guid isPermaLink="false">burst-${i}</guid>
      <author>redaction${i}@presse.example (Rédaction ${i})</author>
      <pubDate>${new Date(now - i * 45_000).toUTCString()}</pubDate>
      <description>Inadmissible : la Banque Léman reste silencieuse.</description>
    </item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>La Presse romande</title><link>https://presse.example/</link><language>fr-FR</language>
${items}
</channel></rss>`;
}

async function rpc<T>(page: Page, name: string, input: unknown): Promise<T> {
  const response = await page.request.post(`rpc/${name}`, { data: input });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as T;
}

test('a burst of critical articles raises an explained alert', async ({ page }, testInfo) => {
  // Two backtests of a week each (FR, EN) on a shared two-core machine.
  test.setTimeout(120_000);
  const feed = await startFeedServer({ kind: 'feed', body: burstFeed() });
  try {
    await page.addInitScript(() => window.localStorage.setItem('tocsin.language', 'fr'));
    await page.goto('./#/alerts');
    await expect(page.getByTestId('header-workspace-name')).toBeVisible();
    await expect(page.getByTestId('level-banner')).toBeVisible();

    const watch = await rpc<{ id: number }>(page, 'watches:create', { workspaceId: 'live', watch: { name: WATCH, keywords: [WATCH] } });
    await rpc(page, 'mentions:capture', {
      workspaceId: 'live',
      capture: {
        channel: 'pressCall',
        outlet: 'Le Temps',
        authorName: 'Claire Martin',
        authorKind: 'journalist',
        audience: 250_000,
        text: 'Claire Martin (Le Temps) prépare un article sur la fuite de données à la Banque Léman, la banque savait.',
        language: 'fr',
        occurredAt: new Date().toISOString(),
      },
    });
    await rpc(page, 'sources:create', {
      workspaceId: 'live',
      source: { kind: 'rss', name: 'La Presse romande', config: { url: feed.url }, intervalSeconds: 3600 },
    });

    await test.step('the level banner goes to alert by push', async () => {
      // The level arrives by push: no reload, no polling.
      const banner = page.getByTestId('level-banner');
      await expect(banner).toHaveAttribute('data-level', /alert|crisis/, { timeout: 30_000 });
      await expect(banner).toContainText(WATCH);
      await saveScreen(page, testInfo, 'fr-detection-alerts');
    });

    await test.step('the why-card names the crisis vocabulary and the journalist; the alert is acknowledged', async () => {
      await page.getByTestId('level-why').click();
      const why = page.getByRole('dialog').getByTestId('why-card');
      await expect(why.getByTestId('why-items-vocabulary')).toContainText('fuite de données');
      await expect(why.getByTestId('why-items-audience')).toContainText('Claire Martin');
      await expect(why.getByTestId('why-authors')).toContainText('Claire Martin');
      await saveScreen(page, testInfo, 'fr-detection-why-card');
      await page.getByRole('dialog').getByRole('button', { name: 'Prendre en compte' }).click();
      await page.keyboard.press('Escape');

      const row = page.getByTestId('alerts-list').locator('[data-testid^="alert-row-"]').first();
      await expect(row).toContainText('Prise en compte');
    });

    await test.step('a backtest is drawn', async () => {
      await page.getByTestId('detection-watch').click();
      await page.getByRole('option', { name: WATCH }).click();
      await expect(page.getByTestId('detection-origin')).toBeVisible();
      await page.getByTestId('backtest-run').click();
      // A week replayed minute by minute: seconds on a two-core machine running the suite's other worker.
      await expect(page.getByTestId('backtest-summary')).toContainText('25 mentions', { timeout: 30_000 });
      await expect(page.getByTestId('backtest-chart').locator('svg').first()).toBeVisible();
      await saveScreen(page, testInfo, 'fr-detection-backtest');
    });

    await test.step('the same screens in English', async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect(page.getByTestId('level-badge')).toHaveText(/Alert|Crisis/);
      await page.getByTestId('backtest-run').click();
      await expect(page.getByTestId('backtest-summary')).toContainText('25 mentions replayed', { timeout: 30_000 });
      await saveScreen(page, testInfo, 'en-detection-alerts');
      await page.getByTestId('level-why').click();
      await expect(page.getByRole('dialog').getByTestId('why-card')).toContainText('Crisis vocabulary');
      await saveScreen(page, testInfo, 'en-detection-why-card');
      await page.keyboard.press('Escape');
    });

    await test.step('tone is corrected on a mention of the burst', async () => {
      await page.getByTestId('nav-mentions').click();
      await page.getByTestId('mention-card').first().click();
      const correction = page.getByTestId('tone-correction');
      await correction.getByText('Positive').click();
      await expect(page.getByTestId('tone-corrected')).toBeVisible();
      await saveScreen(page, testInfo, 'en-detection-tone-correction');
    });
    expect(watch.id).toBeGreaterThan(0);
  } finally {
    await feed.close();
  }
});
