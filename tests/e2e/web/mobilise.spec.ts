// Mobilising asks first and says what it does: a call list worked through by phone, no message sent; the roster
// then reads "being called" rather than "off duty". The header names the app once; focus is a neutral ring.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { title: 'Grève au dépôt de Renens', notice: 'personnes à appeler par téléphone', calling: 'Appel en cours', standby: 'D’astreinte (plan)' },
  en: { title: 'Strike at the Renens depot', notice: 'people to call by phone', calling: 'Being called', standby: 'Standby (plan)' },
};

for (const lang of ['fr', 'en'] as const) {
  test(`mobilise asks, then opens a call list without claiming a message was sent (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const incident = await rpc<{ id: string }>(page.request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.title, scenarioKind: 'strike', severity: 'high', actor: { author: 'Lea Martin', authorRole: 'crisisLead' } },
    });
    await openApp(page, lang, `incidents/${incident.id}/roster`);
    await expect(page.getByTestId('incident-title-heading')).toHaveText(w.title);
    const header = page.locator('header');
    await expect(header).toContainText('Tocsin');
    expect((await header.innerText()).match(/Tocsin/g)).toHaveLength(1);
    await header.screenshot({ path: `test-results/screens/${lang}-header.png` });
    await expect(page.getByTestId('role-crisisLead')).toContainText(w.standby);

    await page.getByTestId('mobilise').click();
    const dialog = page.getByTestId('mobilise-confirm');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('mobilise-list').locator('li')).toHaveCount(10);
    // Keyboard focus on the dialog's buttons: the ring must not be the error red.
    await page.keyboard.press('Tab');
    await page.getByTestId('mobilise-cancel').focus();
    const outline = await page.getByTestId('mobilise-cancel').evaluate((el) => getComputedStyle(el).outlineColor);
    expect(outline).not.toMatch(/rgb\((?:2[0-9]{2}), (?:[0-9]{1,2}), (?:[0-9]{1,2})\)/);
    await saveScreen(page, testInfo, `${lang}-mobilise-confirm`);
    await expectAccessible(page, 'mobilise confirmation', '[data-testid="mobilise-confirm"]');
    await expect(page.getByTestId('figure-acks')).toHaveCount(0);

    await page.getByTestId('mobilise-submit').click();
    await expect(page.getByText(w.notice, { exact: false }).first()).toBeVisible();
    await expect(page.getByTestId('role-crisisLead')).toContainText(w.calling);
    await saveScreen(page, testInfo, `${lang}-mobilise-roster`);
  });
}
