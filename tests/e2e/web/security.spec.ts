// Data protection and network settings: sealed mode and passphrase through the UI, in FR and EN.
import { expect, test } from './fixtures';
import { openApp, saveScreen } from './helpers';

const TEXT = {
  en: { sealed: 'Sealed: no network traffic.', passphrase: 'Keys protected by a passphrase' },
  fr: { sealed: 'Scellé : aucun trafic réseau.', passphrase: 'Clés protégées par une phrase secrète' },
} as const;

for (const lang of ['fr', 'en'] as const) {
  test(`sealed mode is shown and pushed to another tab (${lang})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await openApp(first, lang, 'settings');
    await openApp(second, lang, 'settings');
    const wasSealed = await first.getByTestId('sealed-switch').isChecked();
    await first.getByTestId('sealed-switch').click({ force: true });
    const expectSealed = (page: typeof first) =>
      wasSealed
        ? expect(page.getByTestId('network-state')).not.toContainText(TEXT[lang].sealed)
        : expect(page.getByTestId('network-state')).toContainText(TEXT[lang].sealed);
    await expectSealed(first);
    await expectSealed(second);
    await saveScreen(second, testInfo, `${lang}-settings-security`);
    await first.getByTestId('sealed-switch').click({ force: true });
    await expect(first.getByTestId('sealed-switch')).toBeChecked({ checked: wasSealed });
    await context.close();
  });
}

test('a passphrase set from the UI protects the keys', async ({ page }) => {
  await openApp(page, 'en', 'settings');
  const protection = page.getByTestId('key-protection');
  if (!(await protection.textContent())?.includes(TEXT.en.passphrase)) {
    await page.getByTestId('new-passphrase').fill('correct horse battery staple');
    await page.getByTestId('confirm-passphrase').fill('correct horse battery stapl');
    await expect(page.getByTestId('set-passphrase')).toBeDisabled();
    await page.getByTestId('confirm-passphrase').fill('correct horse battery staple');
    await page.getByTestId('set-passphrase').click();
  }
  await expect(protection).toContainText(TEXT.en.passphrase);
});
