// "Help the tone model", FR and EN: from the mention stream, the panel lists the posts to label (drawn at random until
// the workspace's model is trained, then those it is least sure of); an answer is stored as a correction and the post leaves the batch. axe on the dialog.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { text: 'Le bus 14 passe maintenant par la place du marché de Morges (fr)', title: 'Aider le modèle de tonalité', neutral: 'Neutre', reading: /^(Aucun mot connu du lexique|Score du lexique \S+ sur \d+ mots? \(0 est neutre\))$/, backend: 'La tonalité est calculée par le lexique.' },
  en: { text: 'Bus 14 now runs through the Morges market square (en)', title: 'Help the tone model', neutral: 'Neutral', reading: /^(No word the lexicon knows|Lexicon score \S+ from \d+ words? \(0 is neutral\))$/, backend: 'Tone is scored by the lexicon.' },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`the analyst labels the posts the tone model is least sure of (${lang})`, async ({ page }, testInfo) => {
    // Three captures, a dialog read and a correction on a loaded two-core machine.
    test.setTimeout(120_000);
    const w = WORDS[lang];
    // Posts of the workspace, so that the queue has something to ask.
    for (const line of [14, 15, 16]) {
      await rpc(page.request, 'mentions:capture', {
        workspaceId: 'live',
        capture: { channel: 'phonePost', outlet: 'Facebook', authorName: `Noa ${lang}`, text: w.text.replace('14', String(line)), occurredAt: new Date().toISOString(), language: lang },
      });
    }
    await openApp(page, lang, 'mentions');
    await page.getByTestId('tone-queue-open').click();
    const dialog = page.getByRole('dialog', { name: w.title });
    await expect(dialog.getByTestId('tone-queue-basis')).toBeVisible({ timeout: 15_000 });
    const first = dialog.locator('[data-testid^="tone-queue-item-"]').first();
    await expect(first).toBeVisible();
    // Until the local model exists the batch is drawn at random: each post says what the lexicon read in it, never a
    // percentage that would read 100 % for every post without a lexicon word.
    await expect(first.locator('[data-testid^="tone-queue-doubt-"]')).toHaveText(w.reading);
    await expect(dialog.locator('[data-testid^="tone-queue-doubt-"]').filter({ hasText: '%' })).toHaveCount(0);
    await expect(dialog.getByTestId('tone-backend')).toContainText(w.backend);
    const progress = dialog.getByTestId('tone-queue-progress');
    const before = await progress.textContent();
    await saveScreen(page, testInfo, `${lang}-tone-queue`);
    await expectAccessible(page, 'tone queue dialog', '[role="dialog"]');

    const itemId = await first.getAttribute('data-testid');
    // Any answer is a correction; the post leaves the batch.
    await first.getByRole('button', { name: w.neutral }).click();
    await expect(dialog.getByTestId(itemId!)).toHaveCount(0);
    await expect(progress.or(dialog.getByTestId('tone-queue-empty'))).not.toHaveText(before!);
  });
}
