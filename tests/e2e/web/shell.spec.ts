// The app shell in browser mode: token gate, every area reachable in FR and EN, screenshots of each.
import { expect, test } from './fixtures';
import { AREAS, type AreaId } from '../../../src/renderer/src/app/areas';
import { uiCatalogs } from '../../../src/shared/i18n/index';
import { openApp, saveScreen, type Lang } from './helpers';

// The navigation and its labels come from the app's own list and catalogues, so a new area is covered at once.
const label = (lang: Lang, area: AreaId): string => uiCatalogs[lang].nav[area];

test('without the launch token nothing is served', async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  for (const path of ['/', '/index.html', '/wrong-token/', '/wrong-token/rpc/workspaces:list']) {
    const response = await request.get(origin + path);
    expect(response.status(), path).toBe(401);
  }
  const withToken = await request.get('./');
  expect(withToken.status()).toBe(200);
});

for (const lang of ['fr', 'en'] as const) {
  test(`every area opens from the navigation (${lang})`, async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const area of AREAS) {
      await expect(page.getByTestId(`nav-${area}`)).toContainText(label(lang, area));
      await page.getByTestId(`nav-${area}`).click();
      await expect(page.getByTestId(`screen-${area}`)).toBeVisible();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await saveScreen(page, testInfo, `${lang}-${area}`);
    }
    expect(errors).toEqual([]);
  });
}

test('the language switch changes the whole UI without reload', async ({ page }) => {
  await openApp(page, 'fr', 'settings');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Réglages');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Settings');
  await expect(page.getByTestId('nav-plan')).toContainText('Crisis plan');
});
