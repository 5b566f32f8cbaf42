// First vertical thread: a workspace setting changed in one tab appears in a second tab without reload.
import { expect, test } from './fixtures';
import { openApp, saveScreen } from './helpers';

for (const lang of ['fr', 'en'] as const) {
  test(`a settings change is pushed to a second tab (${lang})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await openApp(first, lang, 'settings');
    await openApp(second, lang, 'settings');
    let reloads = 0;
    second.on('load', () => reloads++);

    const name = lang === 'fr' ? 'Cellule de crise — Banque Léman' : 'Crisis cell — Lakeside Bank';
    const input = first.getByTestId('setting-displayName');
    await input.fill(name);
    await first.getByTestId('settings-save').click();
    await expect(first.getByText(lang === 'fr' ? 'Réglages enregistrés' : 'Settings saved')).toBeVisible();

    await expect(second.getByTestId('header-workspace-name')).toHaveText(name);
    await expect(second.getByTestId('setting-displayName')).toHaveValue(name);
    expect(reloads).toBe(0);
    await saveScreen(second, testInfo, `${lang}-settings-pushed`);
    await context.close();
  });
}

test('an invalid setting is refused with a clear message and nothing changes', async ({ page }) => {
  await openApp(page, 'en', 'settings');
  const before = await page.getByTestId('header-workspace-name').textContent();
  await page.getByTestId('setting-displayName').fill('   ');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Some values are not valid.')).toBeVisible();
  await expect(page.getByTestId('header-workspace-name')).toHaveText(before ?? '');
});
