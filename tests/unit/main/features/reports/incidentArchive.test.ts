// @vitest-environment node
// Must show #2: export the incident archive, import it into an empty data folder: same incident, same log,
// the chain verifies to the same head hash; a tampered archive imports nothing. Also the CSV/XLSX exports.
import { readXlsx } from '../../../../../src/main/features/imports/xlsxRows';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { incidentArchiveSchema } from '../../../../../src/shared/domain/incidentArchive';
import { buildReportIncident, WS, type BuiltIncident } from '../../../../support/reportIncident';
import { invoke, makeTestCore } from '../../../../support/testCore';

let dir: string;
let core: Core;
let now = Date.UTC(2026, 0, 5);
let built: BuiltIncident;
const others: string[] = [];

async function exportFile(kind: 'archive' | 'mentionsCsv' | 'mentionsXlsx' | 'logCsv'): Promise<Buffer> {
  const job = await invoke(core, 'reports:startExport', { workspaceId: WS, incidentId: built.incidentId, kind });
  const done = await core.reports.jobs.settled(job.jobId);
  expect(done.state, done.error ?? '').toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  return Buffer.from(file.contentBase64, 'base64');
}

function freshCore(): Core {
  const other = mkdtempSync(join(tmpdir(), 'tocsin-review-'));
  others.push(other);
  return makeTestCore(other, { clock: { now: () => new Date(now) } });
}

describe('incident archive and exports', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-archive-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    built = await buildReportIncident(core, (ms) => (now = ms));
  }, 120_000);
  afterAll(() => {
    core?.close();
    for (const d of [dir, ...others]) rmSync(d, { recursive: true, force: true });
  });

  it('round-trips into an empty data folder with the same incident and a verifying log chain', async () => {
    const bytes = await exportFile('archive');
    const archive = incidentArchiveSchema.parse(JSON.parse(bytes.toString('utf8')));
    const source = await invoke(core, 'incidents:get', { workspaceId: WS, incidentId: built.incidentId });
    const sourceLog = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: built.incidentId, limit: 2000 } });
    const statements = await invoke(core, 'composer:list', { workspaceId: WS, incidentId: built.incidentId });

    const review = freshCore();
    try {
      const { fingerprint } = await invoke(core, 'security:signingKey', { workspaceId: WS });
      const result = await invoke(review, 'reports:importArchive', { workspaceId: WS, content: bytes.toString('utf8'), expectedFingerprint: fingerprint.toLowerCase() });
      expect(result.incidentId).toBe(built.incidentId);
      expect(result.headHash).toBe(archive.logHeadHash);
      expect(result.signer.fingerprint).toBe(fingerprint);
      const copy = await invoke(review, 'incidents:get', { workspaceId: WS, incidentId: built.incidentId });
      expect(copy).toEqual(source);
      // Same entries; their links are this laptop's own (the chain key never leaves the laptop that wrote it).
      const copyLog = await invoke(review, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: built.incidentId, limit: 2000 } });
      const unlinked = (log: typeof sourceLog) => log.map(({ hash: _hash, ...entry }) => entry);
      expect(unlinked(copyLog)).toEqual(unlinked(sourceLog));
      expect(copyLog.map((e) => e.hash)).not.toEqual(sourceLog.map((e) => e.hash));
      expect(await invoke(review, 'composer:list', { workspaceId: WS, incidentId: built.incidentId })).toEqual(statements);
      // The import is audited after the imported chain, and the chain still verifies through it.
      const integrity = await invoke(review, 'crisisLog:verify', { workspaceId: WS });
      expect(integrity.ok).toBe(true);
      expect(integrity.checked).toBe(archive.tables.crisis_log.length + 1);
      // A second import into the now non-empty workspace is refused.
      await expect(invoke(review, 'reports:importArchive', { workspaceId: WS, content: bytes.toString('utf8') })).rejects.toMatchObject({ code: 'CONFLICT' });
      // The review copy produces its report.
      const job = await invoke(review, 'reports:generate', { workspaceId: WS, incidentId: built.incidentId, language: 'en' });
      expect((await review.reports.jobs.settled(job.jobId)).state).toBe('done');
    } finally {
      review.close();
    }
  }, 120_000);

  it('refuses a tampered archive and imports nothing', async () => {
    const archive = JSON.parse((await exportFile('archive')).toString('utf8')) as { tables: { crisis_log: { body: string }[] } };
    archive.tables.crisis_log[3]!.body = 'Entrée réécrite après coup';
    const review = freshCore();
    try {
      await expect(invoke(review, 'reports:importArchive', { workspaceId: WS, content: JSON.stringify(archive) })).rejects.toMatchObject({
        code: 'CONFLICT',
        issues: [{ path: 'archive', message: 'signature_invalid' }],
      });
      expect(await invoke(review, 'incidents:list', { workspaceId: WS })).toEqual([]);
      await expect(invoke(review, 'reports:importArchive', { workspaceId: WS, content: '{"format":"other"}' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(invoke(review, 'reports:importArchive', { workspaceId: WS, content: 'not json' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      review.close();
    }
  }, 60_000);

  it('exports mentions as CSV and XLSX and the log as CSV, with formula cells neutralised', async () => {
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Piège', config: {} } });
    const at = new Date(now - 3_600_000).toISOString();
    core.ingest.ingestNow(WS, source.id, [
      { externalId: 'evil-1', author: { handle: '=cmd', displayName: '@SUM(A1)' }, text: '=HYPERLINK("http://evil","Banque Léman")', language: 'fr', publishedAt: at },
    ]);
    const csv = (await exportFile('mentionsCsv')).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const evil = rows.find((r) => r.text?.includes('HYPERLINK'));
    expect(evil?.text).toBe('\'=HYPERLINK("http://evil","Banque Léman")');
    expect(evil?.author_handle).toBe("'=cmd");
    expect(evil?.author_name).toBe("'@SUM(A1)");
    // Read back by the import reader: the same columns and cells as the CSV, formula-like text kept as typed text.
    const sheet = (await readXlsx(new Uint8Array(await exportFile('mentionsXlsx')), 64 * 1024 * 1024)).rows;
    expect(sheet).toHaveLength(rows.length + 1);
    const header = sheet[0]!.cells;
    expect(header).toEqual(Object.keys(rows[0]!));
    const evilRow = sheet.find((r) => r.cells[header.indexOf('text')]?.includes('HYPERLINK'))!;
    expect(evilRow.cells[header.indexOf('text')]).toBe('\'=HYPERLINK("http://evil","Banque Léman")');
    expect(evilRow.cells[header.indexOf('author_handle')]).toBe("'=cmd");
    // An empty last cell (no URL) is simply not written.
    const padded = (cells: readonly string[]): string[] => [...cells, ...Array<string>(header.length - cells.length).fill('')];
    expect(sheet.slice(1).map((r) => padded(r.cells))).toEqual(rows.map((r) => Object.values(r)));
    const log = parse((await exportFile('logCsv')).toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    const entries = await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId: built.incidentId, limit: 2000 } });
    expect(log).toHaveLength(entries.length);
    expect(log.some((r) => r.body?.includes('plainte pénale'))).toBe(true);
  }, 60_000);

  it('carries the regulatory clocks, met and running, and a clock read for review reminds nobody', async () => {
    const HOUR = 3_600_000;
    const actor = { author: 'Élodie Rochat', authorRole: 'crisisLead' };
    const incidentId = built.incidentId;
    await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'gdpr-art33', awarenessAt: new Date(now - 40 * HOUR).toISOString(), actor });
    const board = await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'board-2h', awarenessAt: new Date(now).toISOString(), actor });
    await invoke(core, 'clocks:markSent', { workspaceId: WS, clockId: board.id, stepId: board.steps[0]!.stepId, what: 'Note au conseil', actor });
    // The GDPR clock runs from the classification to 72 h after awareness (32 h): past half of it, its reminder is
    // given (and recorded) on the exporting laptop.
    now += 17 * HOUR;
    expect(core.clocks.remindDue([WS]).map((r) => r.obligationId)).toEqual(['gdpr-art33']);
    const source = await invoke(core, 'clocks:list', { workspaceId: WS, incidentId });
    const content = (await exportFile('archive')).toString('utf8');
    const archive = incidentArchiveSchema.parse(JSON.parse(content));
    expect(archive.tables.regulatory_clocks.map((r) => r.obligation_id).sort()).toEqual(['board-2h', 'gdpr-art33']);
    expect(archive.tables.regulatory_steps.some((r) => r.sent_what === 'Note au conseil')).toBe(true);
    expect(archive.tables.regulatory_reminders.length).toBeGreaterThan(0);

    const review = freshCore();
    try {
      const { fingerprint } = await invoke(core, 'security:signingKey', { workspaceId: WS });
      await invoke(review, 'reports:importArchive', { workspaceId: WS, content, expectedFingerprint: fingerprint });
      expect(await invoke(review, 'clocks:list', { workspaceId: WS, incidentId })).toEqual(source);
      // Later, at 90 % of the GDPR deadline: the laptop that classified reminds again, the review copy does not.
      now += 12 * HOUR;
      expect(review.clocks.remindDue([WS])).toEqual([]);
      expect((await invoke(review, 'notify:deliveries', { workspaceId: WS, incidentId })).messages).toEqual([]);
      expect(core.clocks.remindDue([WS]).map((r) => [r.obligationId, r.fraction])).toEqual([['gdpr-art33', 0.9]]);
    } finally {
      review.close();
    }
  }, 60_000);
});
