// From an acknowledged alert to its incident, FR and EN: the alert's page still offers "Open an incident", the
// form proposes the data-breach scenario from the alert's words, and once opened the alert leads to that
// incident. Screens of the alert page and of the level banner.
import { expect, test } from './fixtures';
import { openApp, raiseAlert, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { brand: 'Assurance du Léman', scenario: 'Fuite de données', its: 'Ouvrir son incident' },
  en: { brand: 'Lakeshore Insurance', scenario: 'Data breach', its: 'Open its incident' },
} as const;

interface AlertDto {
  id: number;
  watchName: string;
}

for (const lang of ['fr', 'en'] as const) {
  test(`an acknowledged alert still opens its incident, with the scenario of its words (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    await raiseAlert(page.request, w.brand);
    let alert: AlertDto | undefined;
    await expect(async () => {
      alert = (await rpc<AlertDto[]>(page.request, 'detection:listAlerts', { workspaceId: 'live', status: 'open' })).find((a) => a.watchName === w.brand);
      expect(alert).toBeDefined();
    }).toPass({ timeout: 15_000 });
    await rpc(page.request, 'detection:acknowledgeAlert', { workspaceId: 'live', alertId: alert!.id, by: 'Léa Martin' });

    await openApp(page, lang, `alerts/${alert!.id}`);
    const detail = page.getByTestId('alert-detail');
    await expect(detail).toContainText(w.brand);
    await expect(detail.getByTestId(`alert-ack-${alert!.id}`)).toHaveCount(0);
    await detail.getByTestId('why-card').waitFor();
    await saveScreen(page, testInfo, `${lang}-alert-detail-acknowledged`);
    await saveScreen(page, testInfo, `${lang}-level-banner-page`);
    await page.getByTestId('level-banner').screenshot({ path: `test-results/screens/${lang}-level-banner.png` });

    await detail.getByTestId(`open-from-alert-${alert!.id}`).click();
    await expect(page.getByTestId('incident-scenario-because')).toContainText('fuite de données');
    await expect(page.getByTestId('incident-scenario')).toHaveValue(new RegExp(w.scenario));
    await saveScreen(page, testInfo, `${lang}-open-from-alert-form`);
    await page.getByTestId('incident-open-submit').click();
    await expect(page).toHaveURL(/#\/incidents\/[0-9a-f-]{36}\/overview$/);
    const incidentUrl = page.url();

    await page.goto(`./#/alerts/${alert!.id}`);
    const its = page.getByTestId('alert-detail').getByTestId(`incident-of-alert-${alert!.id}`);
    await expect(its).toHaveText(w.its);
    await its.click();
    await expect(page).toHaveURL(incidentUrl);
    expect((await rpc<unknown[]>(page.request, 'incidents:list', { workspaceId: 'live' })).length).toBeGreaterThan(0);
  });
}
