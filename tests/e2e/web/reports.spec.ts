// Reports area, FR and EN: pick an incident, generate the PDF report (progress, then download), start an
// export, and read the reaction to a published statement.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from './fixtures';
import { openApp, saveScreen } from './helpers';

async function rpc<T>(request: APIRequestContext, name: string, input: unknown): Promise<T> {
  const response = await request.post(`rpc/${name}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}

interface Detail {
  statement: { id: string; contentHash: string };
  outbox: { id: string }[];
}

async function incidentWithPublishedStatement(request: APIRequestContext, title: string): Promise<void> {
  const incident = await rpc<{ id: string }>(request, 'incidents:open', {
    workspaceId: 'live',
    incident: { title, scenarioId: null, scenarioKind: 'dataBreach', severity: 'high', actor: { author: 'Élodie Rochat', authorRole: 'crisisLead' } },
  });
  const draft = await rpc<Detail>(request, 'composer:create', {
    workspaceId: 'live',
    statement: { incidentId: incident.id, kind: 'holding', title: 'Communiqué d’attente', textFr: 'Nous vérifions les faits.', textEn: 'We are checking the facts.', channels: ['website'], author: 'Camille' },
  });
  for (const [person, role] of [
    ['Élodie Rochat', 'crisisLead'],
    ['Anaïs Berset', 'legal'],
  ] as const) {
    await rpc(request, 'composer:approve', { workspaceId: 'live', statementId: draft.statement.id, approver: { person, role }, contentHash: draft.statement.contentHash });
  }
  const queued = await rpc<Detail>(request, 'composer:queue', { workspaceId: 'live', statementId: draft.statement.id, person: 'Camille' });
  for (const item of queued.outbox) {
    await rpc(request, 'composer:confirmManual', { workspaceId: 'live', outboxId: item.id, confirmation: { person: 'Camille', publishedAt: new Date().toISOString(), url: null } });
  }
}

for (const lang of ['fr', 'en'] as const) {
  test(`generate the incident report and exports (${lang})`, async ({ page, request }, testInfo) => {
    const title = lang === 'fr' ? 'Rapport e2e — fuite de données' : 'Report e2e — data leak';
    await incidentWithPublishedStatement(request, title);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, lang, 'reports');
    await page.getByTestId('report-incident').click();
    await page.getByRole('option', { name: title }).click();
    await expect(page.getByTestId('reaction-panel')).toContainText(lang === 'fr' ? 'Communiqué d’attente' : 'Communiqué d’attente');
    await page.getByTestId('report-language').getByText(lang === 'fr' ? 'Français' : 'English', { exact: true }).click();

    await page.getByTestId('generate-report').click();
    const job = page.getByTestId('job-report');
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(job).toContainText('.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: lang === 'fr' ? 'Télécharger' : 'Download' }).click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('button', { name: lang === 'fr' ? 'Main courante (CSV)' : 'Crisis log (CSV)' }).click();
    await expect(page.getByTestId('job-logCsv')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await saveScreen(page, testInfo, `${lang}-reports`);
    expect(errors).toEqual([]);
  });
}
