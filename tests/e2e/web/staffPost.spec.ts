// A staff member's post lands in the response queue as a staff post, assigned to HR and internal communications
// by the rules (what the firm's own people post is an HR matter before it is an answer), FR and EN, with axe.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { text: 'Ambiance tendue au siège de Morges depuis la panne (salarié fr)', reason: 'Publication d’un salarié (RH)', assign: 'Rôle chargé', role: 'RH et communication interne', rules: 'Signalées par les règles', whole: 'Toute la file' },
  en: { text: 'Tense mood at the Morges head office since the outage (staff en)', reason: 'Staff post (HR)', assign: 'Assigned role', role: 'HR and internal communication', rules: 'Flagged by the rules', whole: 'The whole queue' },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`a staff post is flagged for HR and internal communications in the response queue (${lang})`, async ({ page }, testInfo) => {
    const w = WORDS[lang];
    // A calm sentence from an employee's account: only the author being staff puts it in the queue.
    const { id } = await rpc<{ id: number }>(page.request, 'mentions:capture', {
      workspaceId: 'live',
      capture: { channel: 'phonePost', outlet: 'LinkedIn', authorName: `Noé ${lang}`, authorKind: 'employee', text: w.text, occurredAt: new Date().toISOString(), language: lang },
    });
    await openApp(page, lang, 'composer');
    const scope = page.getByTestId('composer-responses-scope');
    if (await scope.isVisible()) await scope.getByText(w.whole).click();
    await page.getByTestId('composer-responses-reason').click();
    await page.getByRole('option', { name: w.reason }).click();
    const item = page.getByTestId(`response-${id}`);
    await expect(item).toContainText(w.text, { timeout: 15_000 });
    await expect(item).toContainText(w.reason);
    await expect(item.getByTestId('response-flagged-by')).toHaveText(w.rules);
    await expect(item.getByRole('combobox', { name: w.assign })).toHaveValue(w.role);
    await item.scrollIntoViewIfNeeded();
    await saveScreen(page, testInfo, `${lang}-composer-staff-post`);
    await expectAccessible(page, 'staff post in the response queue', `[data-testid="response-${id}"]`);
  });
}
