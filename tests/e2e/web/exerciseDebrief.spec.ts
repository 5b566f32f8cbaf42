// Must show #2: a shipped scenario played at ×60 raises an alert through the real detection, the players
// (driven here through the same API the UI uses) mobilise and publish a holding statement, and the debrief
// shows the measured timings.
import { expect, test, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { openApp, saveScreen } from './helpers';

async function rpc<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([channel, body]) => {
      const response = await fetch(new URL(`rpc/${channel}`, window.location.href.split('#')[0]), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as T;
}

test('an exercise played at ×60 ends with a debrief of measured timings (FR then EN)', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await test.step('create the exercise and start the scenario at ×60', async () => {
    await openApp(page, 'fr', 'exercise');
    await page.getByTestId('exercise-name').fill('Exercice Banque Léman');
    await page.getByTestId('exercise-create').click();
    await page.getByTestId('director-script').click();
    await page.getByRole('option', { name: /Banque Léman/ }).click();
    await page.getByTestId('director-start-button').click();
    await expect(page.getByTestId('director-console')).toBeVisible();
  });
  const workspaceId = await page.evaluate(() => window.sessionStorage.getItem('tocsin.workspace'));
  expect(workspaceId).toMatch(/^exercise-/);
  const ws = { workspaceId };

  // Detection runs on the exercise's game clock: the onset is at H+0:10, the alert is expected within 30 min.
  const alertId = await test.step('detection raises the alert on the game clock', async () => {
    let found = 0;
    await expect
      .poll(async () => {
        const alerts = await rpc<{ id: number }[]>(page, 'detection:listAlerts', ws);
        found = alerts[0]?.id ?? 0;
        return found;
      }, { timeout: 60_000, intervals: [1000] })
      .toBeGreaterThan(0);
    return found;
  });

  await test.step('the players open an incident, mobilise and publish a holding statement', async () => {
    const actor = { author: 'Julien Morel', authorRole: 'crisisLead' };
    const incident = await rpc<{ id: string }>(page, 'incidents:openFromAlert', { ...ws, alertId, scenarioKind: 'dataBreach', severity: 'critical', actor });
    const mobilised = await rpc<{ mobilisation: { calls: { roleId: string; personName: string }[] } }>(page, 'incidents:mobilise', { ...ws, incidentId: incident.id, actor });
    for (const call of mobilised.mobilisation.calls) {
      await rpc(page, 'incidents:acknowledge', { ...ws, incidentId: incident.id, roleId: call.roleId, actor: { author: call.personName, authorRole: call.roleId } });
    }
    const draft = await rpc<{ statement: { id: string; contentHash: string; requiredRoles: string[] } }>(page, 'composer:create', {
      ...ws,
      statement: {
        incidentId: incident.id,
        kind: 'holding',
        title: 'Déclaration d’attente',
        textFr: 'Banque Léman a détecté un incident de sécurité pouvant concerner des données de clients. Nous informerons directement les personnes concernées.',
        textEn: 'Banque Léman has detected a security incident that may involve customer data. We will contact the people affected directly.',
        channels: ['website'],
        author: 'Nadia Benali',
      },
    });
    for (const role of draft.statement.requiredRoles) {
      await rpc(page, 'composer:approve', { ...ws, statementId: draft.statement.id, approver: { person: `Approver ${role}`, role }, contentHash: draft.statement.contentHash });
    }
    await rpc(page, 'composer:queue', { ...ws, statementId: draft.statement.id, person: 'Nadia Benali' });
    const outbox = await rpc<{ id: string; statementId: string }[]>(page, 'composer:outbox', ws);
    const item = outbox.find((o) => o.statementId === draft.statement.id)!;
    await rpc(page, 'composer:confirmManual', {
      ...ws,
      outboxId: item.id,
      confirmation: { person: 'Nadia Benali', publishedAt: new Date().toISOString(), url: 'https://www.banque-leman.example/info' },
    });
  });

  const debrief = page.getByTestId('exercise-debrief');
  await test.step('the debrief shows the measured timings', async () => {
    await page.getByTestId('director-pause').click();
    await expect(debrief.getByTestId('debrief-detect')).toContainText(/\d+(\.\d)? min/, { timeout: 15_000 });
    await expect(debrief.getByTestId('debrief-mobilise')).toContainText(/\d+(\.\d)? min/);
    await expect(debrief.getByTestId('debrief-published')).toContainText(/\d+(\.\d)? min/);
  });

  await test.step('lessons learned and the PDF debrief', async () => {
    await page.getByTestId('lessons-went-well').fill('Alerte vue vite, mobilisation rapide.');
    await page.getByTestId('lessons-went-badly').fill('Validation juridique trop longue.');
    await page.getByTestId('lessons-action-0').fill('Pré-approuver une seconde déclaration');
    await page.getByTestId('lessons-owner-0').fill('Juriste');
    await page.getByTestId('lessons-anonymous').check();
    await page.getByTestId('lessons-submit').click();
    await expect(page.getByTestId('lessons-list')).toContainText('Anonyme');
    const download = page.waitForEvent('download');
    await page.getByTestId('debrief-pdf-fr').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('EXERCISE-debrief-bank-data-leak-fr.pdf');
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    // The header is fixed: a full-page capture taken while scrolled would paint it mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, testInfo, 'exercise-debrief-fr');
  });

  await test.step('the debrief in English', async () => {
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(debrief).toContainText('Time to detect');
    await expect(page.getByTestId('exercise-mark')).toHaveText('EXERCISE');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, testInfo, 'exercise-debrief-en');
  });
});
