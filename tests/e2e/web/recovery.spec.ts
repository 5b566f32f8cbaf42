// Recovery times on a generated crisis: ten days of a brand's mentions, a crisis of eight hours three days ago,
// imported as an agency export into the browser-mode backend; the closed incident's RETEX tab says when volume and
// negative share came back to the week before, in hours from the start. FR and EN, screenshots and axe.
import { expect, test, type APIRequestContext } from './fixtures';
import { generateScenario } from '../../../src/main/features/detection/scenarios/scenarioGenerator';
import { IMPORT_CHUNK_BYTES } from '../../../src/shared/contract/imports';
import { expectAccessible, openApp, rpc, saveScreen, type Lang } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

async function importCsv(request: APIRequestContext, workspaceId: string, csv: string): Promise<void> {
  const source = await rpc<{ id: number }>(request, 'sources:create', { workspaceId, source: { kind: 'file', name: `Export ${Date.now()}`, config: {} } });
  const bytes = Buffer.from(csv, 'utf8');
  const { uploadId } = await rpc<{ uploadId: string }>(request, 'imports:begin', { fileName: 'crise.csv', sizeBytes: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await rpc(request, 'imports:chunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64') });
  }
  await rpc(request, 'imports:preview', { uploadId });
  const mapping = { externalId: 'id', publishedAt: 'date', authorHandle: 'handle', audience: 'followers', language: 'lang', text: 'text' };
  let run = await rpc<{ runId: string; state: string; badRows?: number }>(request, 'imports:run', { workspaceId, uploadId, sourceId: source.id, mapping });
  await expect.poll(async () => (run = await rpc(request, 'imports:status', { runId: run.runId })).state, { timeout: 180_000 }).toBe('done');
}

const WORDS = { fr: { brand: 'Banque Riviera', title: 'Fuite de données Banque Riviera' }, en: { brand: 'Harbor Bank', title: 'Harbor Bank data leak' } };

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test(`the RETEX tab gives the recovery times of a generated crisis (${lang})`, async ({ page, request }, testInfo) => {
    test.setTimeout(360_000);
    const w = WORDS[lang];
    const start = Math.floor(Date.now() / HOUR) * HOUR - 10 * DAY;
    const onset = start + 7 * DAY;
    const scenario = generateScenario({
      seed: 11, kind: 'crisis', language: lang, brand: w.brand, start, days: 10,
      peakPerHour: 40, multiplier: 8, onsetOffsetMs: onset - start, durationHours: 8,
    });
    const rows = [['id', 'date', 'handle', 'followers', 'lang', 'text'].join(',')];
    for (const m of scenario.mentions) rows.push([m.externalId!, m.publishedAt, m.author.handle!, m.author.audience ?? 0, m.language ?? lang, m.text].map(cell).join(','));
    const watch = await rpc<{ id: number }>(request, 'watches:create', { workspaceId: 'live', watch: { name: `${w.brand} ${Date.now()}`, keywords: [w.brand] } });
    await importCsv(request, 'live', rows.join('\n'));

    const actor = { author: 'Léa Martin', authorRole: 'crisisLead' };
    const incident = await rpc<{ id: string }>(request, 'incidents:open', {
      workspaceId: 'live',
      incident: { title: w.title, scenarioKind: 'dataBreach', severity: 'high', scope: { watchIds: [watch.id], start: new Date(onset).toISOString() }, actor },
    });
    await rpc(request, 'incidents:setStatus', { workspaceId: 'live', incidentId: incident.id, status: 'closed', actor });
    const { recovery } = await rpc<{ recovery: { volume: { hoursAfterStart: number } | null; negativeShare: { hoursAfterStart: number } | null } }>(
      request, 'lessons:retex', { workspaceId: 'live', incidentId: incident.id },
    );
    // The crisis lasted eight hours: volume is back after it, within the day.
    expect(recovery.volume!.hoursAfterStart).toBeGreaterThanOrEqual(8);
    expect(recovery.volume!.hoursAfterStart).toBeLessThan(24);

    await openApp(page, lang, `incidents/${incident.id}/retex`);
    const panel = page.getByTestId('retex-recovery');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('retex-recovery-volume')).toContainText(`${recovery.volume!.hoursAfterStart} h`);
    if (recovery.negativeShare) await expect(page.getByTestId('retex-recovery-negativeShare')).toContainText(`${recovery.negativeShare.hoursAfterStart} h`);
    await saveScreen(page, testInfo, `retex-recovery-${lang}`);
    await expectAccessible(page, `recovery (${lang})`, '[data-testid="retex-recovery"]');
  });
}
