// A week of an agency's Brandwatch export (generated from a seed, dates written in Zurich time without a zone)
// imported through the wizard: the zone notice, the agency columns mapped, the summary per watch with the rows no
// watch took and the sentiment agreement, and "Open this period" landing on the dashboard with the period in the
// address. Screenshots of each step in FR and EN. The watches are limited to this spec's own source, so other
// specs' posts sharing the backend never count here, nor these posts there.
import { expect, test } from './fixtures';
import { agencyExport } from '../../support/agencyExport';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

for (const lang of ['fr', 'en'] as const) {
  test(`an agency export is read in the zone chosen, counted per watch, and opens its period (${lang})`, async ({ page, request }, testInfo) => {
    const file = agencyExport({ rows: 1500, seed: lang === 'fr' ? 31 : 32, timeZone: 'Europe/Zurich', hostileRows: 2, idPrefix: `agency-e2e-${lang}` });
    const name = `Agence Lémanique ${lang.toUpperCase()}`;
    const source = await rpc<{ id: number }>(request, 'sources:create', { workspaceId: 'live', source: { kind: 'file', name, config: {} } });
    const brand = await rpc<{ id: number }>(request, 'watches:create', {
      workspaceId: 'live',
      watch: { name: `Banque Helvetia ${lang.toUpperCase()}`, keywords: ['Helvetia'], sourceIds: [source.id] },
    });
    const leak = await rpc<{ id: number }>(request, 'watches:create', {
      workspaceId: 'live',
      watch: { name: `Fuite de données ${lang.toUpperCase()}`, keywords: ['fuite de données', 'data leak', 'HelvetiaLeak'], sourceIds: [source.id] },
    });

    await openApp(page, lang, 'imports');
    await page.getByTestId('screen-imports').locator('input[type=file]').setInputFiles({ name: 'helvetia-semaine-13.csv', mimeType: 'text/csv', buffer: Buffer.from(file.csv) });
    await page.getByTestId('import-target').click();
    await page.getByRole('option', { name }).click();
    await page.getByTestId('import-read').click();
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });

    await test.step('the zone of the dates is chosen and said', async () => {
      await expect(page.getByTestId('import-preset')).toContainText('Brandwatch');
      await expect(page.getByTestId('map-sentiment')).toHaveValue('Sentiment');
      await expect(page.getByTestId('map-accountType')).toHaveValue('Account Type');
      await page.getByTestId('import-time-zone').fill('Zurich');
      await page.getByRole('option', { name: 'Europe/Zurich' }).click();
      await expect(page.getByTestId('import-zone-notice')).toHaveText(
        lang === 'fr'
          ? 'Les dates de ce fichier n’indiquent pas de fuseau horaire\u00a0; elles sont lues à l’heure de Europe/Zurich.'
          : 'Dates in this file carry no time zone; they are read as Europe/Zurich.',
      );
      await saveScreen(page, testInfo, `${lang}-agency-import-columns`);
      await expectAccessible(page, `agency import columns (${lang})`, '[data-testid="screen-imports"]');
    });

    await test.step('the summary counts rows per watch and lists those no watch took', async () => {
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-report')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await expect(page.getByTestId('import-inserted')).toHaveText((1500).toLocaleString(lang));
      await expect(page.getByTestId('import-bad')).toHaveText('2');
      const count = (kinds: string[]) => file.rows.filter((r) => kinds.includes(r.kind)).length.toLocaleString(lang);
      const matches = page.getByTestId('import-watch-matches');
      await expect(matches.locator('tbody tr').nth(0)).toContainText(`Banque Helvetia ${lang.toUpperCase()}`);
      await expect(matches.locator('tbody tr').nth(0)).toContainText(count(['chatter', 'campaign', 'crisis', 'journalist']));
      await expect(matches.locator('tbody tr').nth(1)).toContainText(count(['crisis', 'journalist']));
      await expect(page.getByTestId('import-unmatched')).toContainText(count(['offTopic']));
      await page.getByTestId('import-show-unmatched').click();
      await expect(page.getByTestId('import-unmatched-rows')).toBeVisible();
      await saveScreen(page, testInfo, `${lang}-agency-import-summary`);
      await expectAccessible(page, `agency import summary (${lang})`, '[data-testid="screen-imports"]');
    });

    await test.step('"Open this period" opens the dashboard on the file’s week and watches', async () => {
      await page.getByTestId('import-open-period').click();
      await expect(page).toHaveURL(new RegExp(`#/dashboard\\?from=${encodeURIComponent(file.rows[0]!.publishedAt.toISOString())}.*watch=${brand.id}&watch=${leak.id}`));
    });
  });
}
