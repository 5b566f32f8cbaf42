// Flagging every result of a stream search for an answer, FR and EN: the bar counts the matches, the dialog asks
// why, and each mention lands in Composer's response queue with that reason and the flagger's name. axe on both.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { text: 'Promenade tranquille au bord du lac à Vevey', person: 'Camille Roux', reason: 'Réclamation', flaggedBy: 'Signalée par Camille Roux' },
  en: { text: 'Quiet walk along the lake shore in Vevey', person: 'Camille Reed', reason: 'Complaint', flaggedBy: 'Flagged by Camille Reed' },
} as const;
const COUNT = 5;

for (const lang of ['fr', 'en'] as const) {
  test(`all results of a search are flagged for an answer with a reason (${lang})`, async ({ page }, testInfo) => {
    const w = WORDS[lang];
    // A word of this run only, in calm sentences the triage rules leave out of the queue.
    const token = `vevey${lang}${Date.now().toString(36)}`;
    const ids: number[] = [];
    for (let i = 0; i < COUNT; i += 1) {
      const { id } = await rpc<{ id: number }>(page.request, 'mentions:capture', {
        workspaceId: 'live',
        capture: { channel: 'phonePost', outlet: 'Instagram', authorName: `Lou ${i}`, text: `${w.text} ${token} (${i})`, occurredAt: new Date().toISOString(), language: lang },
      });
      ids.push(id);
    }
    await openApp(page, lang, 'mentions');
    await page.getByTestId('mentions-search').fill(token);
    await expect(page.getByTestId('bulk-flag-count')).toContainText(String(COUNT));
    await expect(page.getByTestId('mention-card')).toHaveCount(COUNT);
    await saveScreen(page, testInfo, `${lang}-mentions-bulk-flag-bar`);
    await expectAccessible(page, 'bulk flag bar', '[data-testid="bulk-flag"]');

    await page.getByTestId('bulk-flag-open').click();
    await expect(page.getByTestId('bulk-flag-submit')).toBeDisabled();
    await page.getByTestId('bulk-flag-reason-complaint').check();
    await page.getByTestId('bulk-flag-person').fill(w.person);
    await saveScreen(page, testInfo, `${lang}-mentions-bulk-flag-dialog`);
    await expectAccessible(page, 'bulk flag dialog');
    await page.getByTestId('bulk-flag-submit').click();
    await expect(page.getByTestId('bulk-flag-dialog')).toBeHidden();
    const done = page.getByTestId('bulk-flag-done');
    await expect(done).toContainText(String(COUNT));
    await expect(done).toContainText(w.reason);
    await expect(done).toContainText(w.person);
    await saveScreen(page, testInfo, `${lang}-mentions-bulk-flagged`);

    await page.getByTestId('nav-composer').click();
    const scope = page.getByTestId('composer-responses-scope');
    if (await scope.isVisible()) await scope.getByText(lang === 'fr' ? 'Toute la file' : 'The whole queue').click();
    await page.getByTestId('composer-responses-reason').click();
    await page.getByRole('option', { name: w.reason }).click();
    await page.getByTestId('composer-responses-flagged-by').click();
    await page.getByRole('option', { name: lang === 'fr' ? 'Signalées par une personne' : 'Flagged by a person' }).click();
    for (const id of ids) {
      const item = page.getByTestId(`response-${id}`);
      await expect(item).toContainText(token, { timeout: 15_000 });
      await expect(item).toContainText(w.reason);
      await expect(item.getByTestId('response-flagged-by')).toContainText(w.flaggedBy);
    }
    await saveScreen(page, testInfo, `${lang}-composer-bulk-flagged-queue`);
  });
}
