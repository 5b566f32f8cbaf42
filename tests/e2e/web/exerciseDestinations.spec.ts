// The exercise's own test destinations, set on the Exercise screen: the only addresses its alerts go to.
import { expect, test } from './fixtures';
import { openApp, saveScreen, type Lang } from './helpers';

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`an exercise keeps its own test destinations (${lang})`, async ({ page }, testInfo) => {
    await openApp(page, lang, 'exercise');
    await page.getByTestId('exercise-name').fill(lang === 'fr' ? 'Exercice destinations' : 'Destinations drill');
    await page.getByTestId('exercise-create').click();
    const panel = page.getByTestId('exercise-test-destinations');
    await expect(panel.getByTestId('destinations-none')).toBeVisible();
    await panel.getByTestId('destination-all-email').fill('drill-room@example.test');
    await panel.getByTestId('destinations-save').click();
    await expect(panel.getByTestId('destinations-saved')).toBeVisible();
    await expect(panel.getByTestId('destinations-none')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('exercise-test-destinations').getByTestId('destination-all-email')).toHaveValue('drill-room@example.test');
    await page.getByTestId('exercise-test-destinations').scrollIntoViewIfNeeded();
    await page.getByTestId('exercise-test-destinations').screenshot({ path: `test-results/screens/exercise-destinations-${lang}.png` });
    await saveScreen(page, testInfo, `exercise-destinations-screen-${lang}`);
  });
}
