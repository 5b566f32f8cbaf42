// Flagging a mention for an answer from the mention stream, FR and EN: the dialog asks why, and the mention
// lands in Composer's response queue with that reason and the flagger's name. axe on the dialog.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { text: 'Grand soleil ce matin sur le port de Morges (fr)', person: 'Camille Roux', reason: 'Réclamation' },
  en: { text: 'Bright sunshine this morning over Morges harbour (en)', person: 'Camille Reed', reason: 'Complaint' },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`a mention is flagged for an answer with a reason (${lang})`, async ({ page }, testInfo) => {
    const w = WORDS[lang];
    // A calm sentence: the triage rules leave it out of the queue, so only the flag puts it there.
    const { id } = await rpc<{ id: number }>(page.request, 'mentions:capture', {
      workspaceId: 'live',
      capture: { channel: 'phonePost', outlet: 'Instagram', authorName: `Lou ${lang}`, text: w.text, occurredAt: new Date().toISOString(), language: lang },
    });
    await openApp(page, lang, 'mentions');
    await page.getByTestId('mentions-search').fill('Morges');
    await page.getByTestId('mention-card').filter({ hasText: w.text }).click();
    await expect(page.getByTestId('mention-detail')).toContainText(w.text);

    await page.getByTestId('mention-flag-open').click();
    await expect(page.getByTestId('mention-flag-submit')).toBeDisabled();
    await page.getByTestId('mention-flag-reason-complaint').check();
    await page.getByTestId('mention-flag-person').fill(w.person);
    await saveScreen(page, testInfo, `${lang}-mentions-flag-dialog`);
    await expectAccessible(page, 'flag dialog');
    await page.getByTestId('mention-flag-submit').click();
    await expect(page.getByTestId('mention-flag-dialog')).toBeHidden();
    await expect(page.getByTestId('mention-flagged')).toContainText(w.reason);
    await expect(page.getByTestId('mention-flagged')).toContainText(w.person);
    await saveScreen(page, testInfo, `${lang}-mentions-flagged`);
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-composer').click();
    // A calm post matches no incident's watches: it waits in the whole queue, among the complaints people flagged.
    const scope = page.getByTestId('composer-responses-scope');
    if (await scope.isVisible()) await scope.getByText(lang === 'fr' ? 'Toute la file' : 'The whole queue').click();
    await page.getByTestId('composer-responses-reason').click();
    await page.getByRole('option', { name: w.reason }).click();
    await page.getByTestId('composer-responses-flagged-by').click();
    await page.getByRole('option', { name: lang === 'fr' ? 'Signalées par une personne' : 'Flagged by a person' }).click();
    const item = page.getByTestId(`response-${id}`);
    await expect(item).toContainText(w.text, { timeout: 15_000 });
    await expect(item).toContainText(w.reason);
  });
}
