// Must show #4 (clocks): the incident page shows each regulatory clock counting down, its owner and what is due;
// classifying and recording a sent notification happen on the page; FR and EN screenshots; axe on the panel.
import { expect, test } from './fixtures';
import { expectAccessible, openApp, rpc, saveScreen } from './helpers';

const WORDS = {
  fr: { title: 'Fuite de données — Banque Léman', dora: 'DORA — incident majeur lié aux TIC', left: 'reste', running: 'En cours', met: 'Respecté', missed: 'Manqué', waiting: 'après l’envoi de', owner: 'Responsable : Juridique' },
  en: { title: 'Data leak — Banque Léman', dora: 'DORA — major ICT-related incident', left: 'left', running: 'Running', met: 'Met', missed: 'Missed', waiting: 'after “Initial notification” is sent', owner: 'Owner: Legal' },
};

for (const lang of ['fr', 'en'] as const) {
  test(`regulatory clocks count down on the incident page (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const actor = { author: 'Élodie Rochat', authorRole: 'legal' };
    const incident = await rpc<{ id: string }>(page.request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.title, scenarioKind: 'dataBreach', severity: 'critical', actor },
    });
    // GDPR: the firm has known for 80 hours, so its 72 hours are already gone.
    await rpc(page.request, 'clocks:classify', {
      workspaceId: 'live',
      incidentId: incident.id,
      obligationId: 'gdpr-art33',
      awarenessAt: new Date(Date.now() - 80 * 3_600_000).toISOString(),
      actor,
    });
    await page.addInitScript((name) => window.localStorage.setItem('tocsin.operator', JSON.stringify({ name, role: 'legal' })), actor.author);
    await openApp(page, lang, `incidents/${incident.id}/clocks`);
    await expect(page.getByTestId('tab-panel-clocks')).toBeVisible();
    await expect(page.getByTestId('clock-step-gdpr-art33-notification').getByTestId('clock-status')).toHaveText(w.missed);

    // DORA classified on the page, aware since now: 4 h to the initial notification.
    await page.getByTestId('clock-obligation').click();
    await page.getByRole('option', { name: w.dora }).click();
    await page.getByTestId('clock-classify').click();
    const dora = page.getByTestId('clock-dora-major-ict');
    await expect(dora).toContainText(w.owner);
    const initial = page.getByTestId('clock-step-dora-major-ict-initial');
    await expect(initial.getByTestId('clock-status')).toHaveText(w.running);
    await expect(initial.getByTestId('clock-remaining')).toContainText(w.left);
    await expect(initial.getByTestId('clock-remaining')).toContainText(/[34] h/);
    await expect(page.getByTestId('clock-step-dora-major-ict-intermediate')).toContainText(lang === 'fr' ? '« Notification initiale »' : w.waiting);
    await saveScreen(page, testInfo, `${lang}-clocks-running`);
    await expectAccessible(page, 'regulatory clocks', '[data-testid="tab-panel-clocks"]');

    // The initial notification is recorded as sent: met, and the intermediate report's clock starts.
    await initial.getByTestId('clock-mark-sent').click();
    await page.getByTestId('clock-sent-what').fill('Formulaire DORA initial, réf. FIN-2026-031');
    await page.getByTestId('clock-sent-save').click();
    await expect(initial.getByTestId('clock-status')).toHaveText(w.met);
    await expect(initial).toContainText('FIN-2026-031');
    await expect(page.getByTestId('clock-step-dora-major-ict-intermediate').getByTestId('clock-status')).toHaveText(w.running);
    await saveScreen(page, testInfo, `${lang}-clocks`);
    await expectAccessible(page, 'regulatory clocks after sending', '[data-testid="tab-panel-clocks"]');

    // The wall display counts down each obligation's next step: DORA's intermediate report, and GDPR overdue.
    await page.getByTestId('open-wall').click();
    const wall = page.getByTestId('wall-clocks');
    await expect(wall).toContainText(w.dora);
    await expect(wall).toContainText(/−\d+:\d\d:\d\d/);
    await saveScreen(page, testInfo, `${lang}-clocks-wall`);
    await expectAccessible(page, 'wall clocks', '[data-testid="wall-clocks"]');
  });
}
