// Listening end to end in browser mode: a watch, a news feed served over loopback (test, save, fetch),
// health with a failing server, the mention stream with accent-insensitive search, detail with the
// confirmation before leaving the app, and manual capture. Screens saved in FR and EN.
import { expect, test } from '@playwright/test';
import { rssFeed, startFeedServer } from '../../support/feedServer';
import { openApp, saveScreen } from './helpers';

for (const lang of ['fr', 'en'] as const) {
  test(`sources, watches and the mention stream (${lang})`, async ({ page }, testInfo) => {
    const feed = await startFeedServer({ kind: 'feed', body: rssFeed([1, 2, 3, 4, 5], `Le Quotidien ${lang}`, `journal-${lang}.example`), etag: `"${lang}-v1"` });
    try {
      await openApp(page, lang, 'sources');
      await expect(page.getByTestId('screen-sources')).toBeVisible();

      await page.getByTestId('tab-watches').click();
      await page.getByTestId('watch-add').click();
      await page.getByTestId('watch-name').fill(`ACME ${lang}`);
      await page.getByTestId('watch-keywords').fill('fuite de données');
      await page.keyboard.press('Enter');
      await saveScreen(page, testInfo, `${lang}-listen-watch-form`);
      await page.getByTestId('watch-save').click();
      await expect(page.getByTestId('watches-table')).toContainText(`ACME ${lang}`);
      await saveScreen(page, testInfo, `${lang}-listen-watches`);

      await page.getByTestId('tab-sources').click();
      await page.getByTestId('source-add').click();
      await page.getByTestId('source-name').fill(`Le Quotidien ${lang}`);
      await page.getByTestId('source-url').fill(feed.url);
      await page.getByTestId('source-test').click();
      await expect(page.getByTestId('source-test-ok')).toContainText('ACME');
      await saveScreen(page, testInfo, `${lang}-listen-source-form`);
      await page.getByTestId('source-save').click();

      const row = page.getByTestId('sources-table').locator('tr', { hasText: `Le Quotidien ${lang}` });
      await expect(row.getByTestId('source-state-ok')).toBeVisible({ timeout: 20_000 });
      await saveScreen(page, testInfo, `${lang}-listen-sources`);

      feed.mode = { kind: 'status', status: 503 };
      await row.getByRole('button', { name: lang === 'fr' ? 'Relever maintenant' : 'Fetch now' }).click();
      await expect(row.getByTestId('source-last-error')).toContainText('HTTP 503', { timeout: 20_000 });
      await expect(row.getByTestId('source-state-failing')).toBeVisible();
      await saveScreen(page, testInfo, `${lang}-listen-sources-failing`);

      await page.getByTestId('nav-mentions').click();
      await expect(page.getByTestId('screen-mentions')).toBeVisible();
      await page.getByTestId('mentions-search').fill('fuite de donnees');
      const cards = page.getByTestId('mention-card').filter({ hasText: `Le Quotidien ${lang}` });
      await expect(cards).toHaveCount(5);
      await expect(page.getByTestId('mentions-list')).not.toContainText('<script>');
      await saveScreen(page, testInfo, `${lang}-listen-mentions`);

      await cards.first().click();
      await expect(page.getByTestId('mention-detail')).toContainText(`ACME ${lang}`);
      await page.getByTestId('mention-open-link').click();
      await expect(page.getByTestId('mention-link-url')).toContainText(`https://journal-${lang}.example/articles/`);
      await saveScreen(page, testInfo, `${lang}-listen-mention-link-confirm`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      await page.getByTestId('mentions-search').fill('');
      await page.getByTestId('capture-open').click();
      await page.getByTestId('capture-outlet').fill(`France 2 — JT ${lang}`);
      await page.getByTestId('capture-text').fill('Le présentateur évoque la fuite de données chez ACME.');
      await saveScreen(page, testInfo, `${lang}-listen-capture`);
      await page.getByTestId('capture-save').click();
      await expect(page.getByTestId('mention-card').filter({ hasText: `France 2 — JT ${lang}` })).toBeVisible();
    } finally {
      await feed.close();
    }
  });
}
