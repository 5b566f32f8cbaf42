// Listening end to end in browser mode: a watch, a news feed served over loopback (test, save, fetch),
// health with a failing server, the mention stream with accent-insensitive search, detail with the
// confirmation before leaving the app, and manual capture. Screens saved in FR and EN.
import { expect, test } from './fixtures';
import { createServer } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { rssFeed, startFeedServer } from '../../support/feedServer';
import { openApp, saveScreen } from './helpers';

/** A port free right now on 127.0.0.1, for the webhook receiver the app will open. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

for (const lang of ['fr', 'en'] as const) {
  test(`sources, watches and the mention stream (${lang})`, async ({ page }, testInfo) => {
    const feed = await startFeedServer({ kind: 'feed', body: rssFeed([1, 2, 3, 4, 5], `Le Quotidien ${lang}`, `journal-${lang}.example`), etag: `"${lang}-v1"` });
    try {
      await test.step('add a watch', async () => {
        await openApp(page, lang, 'sources');
        await expect(page.getByTestId('screen-sources')).toBeVisible({ timeout: 15_000 });

        await page.getByTestId('tab-watches').click();
        await page.getByTestId('watch-add').click();
        await page.getByTestId('watch-name').fill(`ACME ${lang}`);
        await page.getByTestId('watch-keywords').fill('fuite de données');
        await page.keyboard.press('Enter');
        await saveScreen(page, testInfo, `${lang}-listen-watch-form`);
        await page.getByTestId('watch-save').click();
        await expect(page.getByTestId('watches-table')).toContainText(`ACME ${lang}`, { timeout: 15_000 });
        await saveScreen(page, testInfo, `${lang}-listen-watches`);
      });

      await test.step('test and save a news feed', async () => {
        await page.getByTestId('tab-sources').click();
        await page.getByTestId('source-add').click();
        await page.getByTestId('source-name').fill(`Le Quotidien ${lang}`);
        await page.getByTestId('source-url').fill(feed.url);
        await page.getByTestId('source-test').click();
        await expect(page.getByTestId('source-test-ok')).toContainText('ACME', { timeout: 20_000 });
        await saveScreen(page, testInfo, `${lang}-listen-source-form`);
        await page.getByTestId('source-save').click();
      });

      const row = page.getByTestId('sources-table').locator('tr', { hasText: `Le Quotidien ${lang}` });
      await test.step('the feed is fetched and its source is healthy', async () => {
        await expect(row.getByTestId('source-state-ok')).toBeVisible({ timeout: 20_000 });
        await saveScreen(page, testInfo, `${lang}-listen-sources`);
      });

      await test.step("a failing server shows in the source's health, in the reader's language", async () => {
        feed.mode = { kind: 'status', status: 503 };
        await row.getByRole('button', { name: lang === 'fr' ? 'Relever maintenant' : 'Fetch now' }).click();
        // Worded in the reader's language, not in the English main logs in.
        const serverProblem = lang === 'fr' ? 'a un problème de serveur (HTTP 503)' : 'has a server problem (HTTP 503)';
        await expect(row.getByTestId('source-last-error')).toContainText(serverProblem, { timeout: 20_000 });
        await expect(row.getByTestId('source-state-failing')).toBeVisible({ timeout: 15_000 });
        await saveScreen(page, testInfo, `${lang}-listen-sources-failing`);
        await row.locator('[data-testid^="source-last-items-toggle-"]').click();
        await expect(page.getByTestId('sources-table')).toContainText('ACME : article n°5 sur la fuite de données', { timeout: 15_000 });
        await saveScreen(page, testInfo, `${lang}-listen-sources-last-items`);
      });

      const cards = page.getByTestId('mention-card').filter({ hasText: `Le Quotidien ${lang}` });
      await test.step('the mention stream with accent-insensitive search', async () => {
        await page.getByTestId('nav-mentions').click();
        await expect(page.getByTestId('screen-mentions')).toBeVisible({ timeout: 15_000 });
        // The suite shares one backend: the words of this feed's own articles keep other specs' posts off the first page.
        await page.getByTestId('mentions-search').fill('acme article fuite de donnees');
        await expect(cards).toHaveCount(5, { timeout: 15_000 });
        await expect(page.getByTestId('mentions-list')).not.toContainText('<script>');
        await saveScreen(page, testInfo, `${lang}-listen-mentions`);
      });

      await test.step('the mention detail asks before leaving the app', async () => {
        await cards.first().click();
        await expect(page.getByTestId('mention-detail')).toContainText(`ACME ${lang}`, { timeout: 15_000 });
        await page.getByTestId('mention-open-link').click();
        await expect(page.getByTestId('mention-link-url')).toContainText(`https://journal-${lang}.example/articles/`);
        await saveScreen(page, testInfo, `${lang}-listen-mention-link-confirm`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      });

      await test.step('a new watch takes the articles already stored', async () => {
        // A watch created now also takes the articles already stored (re-matched over the last 30 days).
        await page.getByTestId('nav-sources').click();
        await page.getByTestId('tab-watches').click();
        await page.getByTestId('watch-add').click();
        await page.getByTestId('watch-name').fill(`Articles ${lang}`);
        await page.getByTestId('watch-keywords').fill('article');
        await page.keyboard.press('Enter');
        await page.getByTestId('watch-save').click();
        await expect(page.getByTestId('watches-table')).toContainText(`Articles ${lang}`, { timeout: 15_000 });
        await page.getByTestId('nav-mentions').click();
        await page.getByTestId('mentions-search').fill('');
        await page.getByTestId('mentions-watch').click();
        await page.getByRole('option', { name: `Articles ${lang}` }).click();
        await expect(page.getByTestId('mention-card').filter({ hasText: `Le Quotidien ${lang}` })).toHaveCount(5, { timeout: 15_000 });
        await saveScreen(page, testInfo, `${lang}-listen-new-watch-past-mentions`);
        await page.getByTestId('mentions-watch').click();
        await page.getByRole('option', { name: `ACME ${lang}` }).click();

        await page.getByTestId('mentions-search').fill('');
      });
      await test.step('capture a mention by hand', async () => {
        await page.getByTestId('capture-open').click();
        await page.getByTestId('capture-outlet').fill(`France 2 — JT ${lang}`);
        await page.getByTestId('capture-text').fill('Le présentateur évoque la fuite de données chez ACME.');
        await saveScreen(page, testInfo, `${lang}-listen-capture`);
        await page.getByTestId('capture-save').click();
        await expect(page.getByTestId('mention-card').filter({ hasText: `France 2 — JT ${lang}` })).toBeVisible({ timeout: 15_000 });
      });

      await test.step('a webhook source receives a signed post', async () => {
        // A webhook source: the app opens a signed receiver on 127.0.0.1; a local tool posts to it.
        await page.getByTestId('nav-sources').click();
        await page.getByTestId('source-add').click();
        await page.getByTestId('source-kind').getByText(lang === 'fr' ? 'Webhook' : 'Webhook').click();
        await page.getByTestId('source-name').fill(`Agent local ${lang}`);
        const port = await freePort();
        await page.getByTestId('source-port').fill(String(port));
        await page.getByTestId('source-save').click();
        const hookRow = page.getByTestId('sources-table').locator('tr', { hasText: `Agent local ${lang}` });
        const hookUrl = (await hookRow.getByTestId('webhook-url').textContent()) ?? '';
        const secret = (await hookRow.getByTestId('webhook-secret').textContent()) ?? '';
        expect(hookUrl).toContain(`http://127.0.0.1:${port}/hooks/`);
        await saveScreen(page, testInfo, `${lang}-listen-sources-webhook`);
        const body = JSON.stringify({ mentions: [{ externalId: `hook-${lang}-1`, author: { handle: '@veille' }, text: `Alerte webhook ${lang} : fuite de données chez ACME`, publishedAt: new Date().toISOString() }] });
        const sent = new Date();
        await expect(async () => {
          const response = await fetch(hookUrl, {
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/json',
              'webhook-id': `msg-${lang}`,
              'webhook-timestamp': String(Math.floor(sent.getTime() / 1000)),
              'webhook-signature': new Webhook(secret).sign(`msg-${lang}`, sent, body),
            },
          });
          expect([200, 202]).toContain(response.status);
        }).toPass({ timeout: 10_000 });
        // The stream keeps the watch chosen earlier (ACME): the post speaks of the leak, so it belongs there.
        await page.getByTestId('nav-mentions').click();
        await expect(page.getByTestId('mention-card').filter({ hasText: `Alerte webhook ${lang}` })).toBeVisible({ timeout: 15_000 });
      });
    } finally {
      await feed.close();
    }
  });
}
