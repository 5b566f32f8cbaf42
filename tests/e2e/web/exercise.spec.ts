// Exercise workspaces: created apart from live data, marked EXERCICE / EXERCISE on every screen.
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { openApp, saveScreen, type Lang } from './helpers';

const AREAS = ['dashboard', 'incidents', 'composer', 'plan', 'exercise', 'reports', 'settings'] as const;
const mark = { fr: 'EXERCICE', en: 'EXERCISE' };

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`an exercise is marked on every screen and the window switches back to live (${lang})`, async ({ page }, testInfo) => {
    const name = lang === 'fr' ? 'Exercice fuite de données' : 'Data leak drill';
    await test.step('create an exercise workspace', async () => {
      await openApp(page, lang, 'exercise');
      await expect(page.getByTestId('screen-exercise')).toBeVisible();
      await expect(page.getByTestId('exercise-mark')).toHaveCount(0);
      await page.getByTestId('exercise-name').fill(name);
      await page.getByTestId('exercise-create').click();
    });

    await test.step('every screen is marked as an exercise', async () => {
      await expect(page.getByTestId('header-workspace-name')).toHaveText(name);
      await expect(page.getByTestId('exercise-current')).toBeVisible();
      for (const area of AREAS) {
        await page.goto(`./#/${area}`);
        await expect(page.getByTestId('exercise-mark')).toHaveText(mark[lang]);
        await expect(page.getByTestId('exercise-banner')).toContainText(mark[lang]);
        await expect(page.getByTestId('header-workspace-name')).toHaveText(name);
        await saveScreen(page, testInfo, `exercise-${area}-${lang}`);
      }
    });

    await test.step('the window switches back to live', async () => {
      await page.goto('./#/exercise');
      await page.getByTestId('exercise-back-to-live').click();
      await expect(page.getByTestId('exercise-mark')).toHaveCount(0);
      await expect(page.getByTestId('exercise-banner')).toHaveCount(0);
      await expect(page.getByTestId('exercise-list')).toContainText(name);
      await saveScreen(page, testInfo, `exercise-list-live-${lang}`);
    });
  });
}

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`the director plays a shipped scenario at ×60 (${lang})`, async ({ page }, testInfo) => {
    await openApp(page, lang, 'exercise');
    await page.getByTestId('exercise-name').fill(lang === 'fr' ? 'Exercice Hydrelis' : 'Hydrelis drill');
    await page.getByTestId('exercise-create').click();
    await expect(page.getByTestId('director-start')).toBeVisible();
    await page.getByTestId('director-script').click();
    // The four shipped sectors are offered, each under its title in the reader's language.
    await expect(page.getByRole('option', { name: lang === 'fr' ? 'Alvea Assurances : refus d’indemnisation après la grêle' : 'Alvea Insurance: hail claims refused' })).toBeVisible();
    await page.getByRole('option', { name: /Hydrelis/ }).click();
    await page.getByTestId('director-start-button').click();

    await expect(page.getByTestId('director-console')).toBeVisible();
    // ×60: one game minute per second; the first scripted post fires at H+0:05.
    await expect(page.getByTestId('director-timeline')).toContainText(lang === 'fr' ? 'déclenché à H+0:05' : 'fired at H+0:05', { timeout: 20_000 });
    await expect(page.getByTestId('director-mentions')).not.toHaveText(/^0 /);
    await page.getByTestId('director-pause').click();
    await expect(page.getByTestId('director-status')).toHaveText(lang === 'fr' ? 'En pause' : 'Paused');
    await saveScreen(page, testInfo, `exercise-director-${lang}`);
    await page.getByTestId('director-resume').click();
    await expect(page.getByTestId('director-status')).toHaveText(lang === 'fr' ? 'En cours' : 'Running');
  });

  test(`the director imports a scenario of the cell's own, and sees every problem of a broken one (${lang})`, async ({ page }, testInfo) => {
    await openApp(page, lang, 'exercise');
    await page.getByTestId('exercise-name').fill(lang === 'fr' ? 'Exercice maison' : 'Home-made drill');
    await page.getByTestId('exercise-create').click();
    await expect(page.getByTestId('director-start')).toBeVisible();
    const shipped = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/scenarios/bank-data-leak.json'), 'utf8')) as Record<string, unknown>;
    const input = page.getByTestId('director-start').locator('input[type=file]');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...shipped, id: 'broken', durationMinutes: -1 })) });
    await expect(page.getByTestId('director-import-issues')).toContainText('durationMinutes');
    await saveScreen(page, testInfo, `exercise-import-issues-${lang}`);
    const own = { ...shipped, id: `home-made-${lang}`, title: { fr: 'Panne maison', en: 'Home-made outage' } };
    await input.setInputFiles({ name: 'own.yaml', mimeType: 'text/yaml', buffer: Buffer.from(stringify(own)) });
    await expect(page.getByTestId('director-import-issues')).toHaveCount(0);
    await expect(page.getByTestId('director-script')).toHaveValue(new RegExp(lang === 'fr' ? 'Panne maison' : 'Home-made outage'));
    await expect(page.getByTestId('director-remove-script')).toBeVisible();
    await saveScreen(page, testInfo, `exercise-own-scenario-${lang}`);
  });
}
