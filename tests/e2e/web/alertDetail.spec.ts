// One alert opened by its address, FR and EN: the incident opened from an alert links to it as it stands now
// (acknowledged by the incident's opening); once its watch is deleted, the same page says the alert is gone,
// by push. axe on the alert page.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, raiseAlert, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { brand: 'Mutuelle du Jura', acknowledged: 'Prise en compte' },
  en: { brand: 'Harbour Mutual', acknowledged: 'Acknowledged' },
} as const;

interface AlertDto {
  id: number;
  watchId: number;
  watchName: string;
}

for (const lang of ['fr', 'en'] as const) {
  test(`an incident links to its alert as it stands now (${lang})`, async ({ page }, testInfo) => {
    // Twenty-six captures through detection on a busy two-core machine.
    test.setTimeout(120_000);
    const w = WORDS[lang];
    await raiseAlert(page.request, w.brand);
    let alert: AlertDto | undefined;
    await expect(async () => {
      alert = (await rpc<AlertDto[]>(page.request, 'detection:listAlerts', { workspaceId: 'live', status: 'open' })).find((a) => a.watchName === w.brand);
      expect(alert).toBeDefined();
    }).toPass({ timeout: 15_000 });
    const incident = await rpc<{ id: string }>(page.request, 'incidents:openFromAlert', {
      workspaceId: 'live',
      alertId: alert!.id,
      scenarioKind: 'other',
      severity: 'high',
      actor: { author: 'Léa Martin', authorRole: null },
    });

    await openApp(page, lang, `incidents/${incident.id}/overview`);
    await page.getByTestId('incident-alert-link').click();
    await expect(page).toHaveURL(new RegExp(`#/alerts/${alert!.id}$`));
    await expect(page.getByTestId('alert-detail')).toContainText(w.brand);
    await expect(page.getByTestId(`alert-status-${alert!.id}`)).toHaveText(w.acknowledged);
    await saveScreen(page, testInfo, `${lang}-alert-detail`);
    await expectAccessible(page, 'alert page');

    await rpc(page.request, 'watches:delete', { workspaceId: 'live', id: alert!.watchId });
    await expect(page.getByTestId('alert-gone')).toBeVisible({ timeout: 15_000 });
    await saveScreen(page, testInfo, `${lang}-alert-gone`);

    await page.getByTestId('alerts-all').click();
    await expect(page.getByTestId('alert-detail')).toHaveCount(0);
    await expect(page.getByTestId('screen-alerts')).toBeVisible();
  });
}
