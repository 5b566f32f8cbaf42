// @vitest-environment node
// Must show #2 of issue 19: two watches, one quiet and one in crisis. The incident opened from the crisis alert
// names that watch and the period from the episode's first signal to its closing; every figure of the incident
// (report data and PDF, response queue, mention exports, archive) counts only that watch in that period, though
// the quiet watch talked during the same minutes, the crisis watch had an old question, and talk went on after
// closing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Core } from '../../../../../src/main/app/createCore';
import { readXlsx } from '../../../../../src/main/features/imports/xlsxRows';
import { gatherReportData } from '../../../../../src/main/features/reports/reportData';
import type { IncidentDetail } from '../../../../../src/shared/domain/incident';
import { incidentArchiveSchema } from '../../../../../src/shared/domain/incidentArchive';
import type { mentionInputSchema } from '../../../../../src/shared/domain/mention';
import { invoke, makeTestCore } from '../../../../support/testCore';

type MentionInput = z.input<typeof mentionInputSchema>;

const WS = 'live';
const MINUTE = 60_000;
const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
/** The crisis starts here; the incident is opened ten minutes later and closed twenty minutes after that. */
const ONSET = Date.parse('2026-03-06T09:50:00Z');
const OPENED = ONSET + 10 * MINUTE;
const CLOSED = OPENED + 20 * MINUTE;

let dir: string;
let core: Core;
let now = ONSET;
let incident: IncidentDetail;
let crisisWatch: number;
let quietWatch: number;
/** Every mention seeded, with the watch it was written about. */
const seeded: { handle: string; watch: 'crisis' | 'quiet'; publishedAt: string }[] = [];

function mention(handle: string, watch: 'crisis' | 'quiet', at: number, text: string, audience = 300, kind: 'public' | 'journalist' = 'public'): MentionInput {
  const publishedAt = new Date(at).toISOString();
  seeded.push({ handle, watch, publishedAt });
  return { externalId: handle, author: { handle, displayName: handle, audience, kind }, text, language: 'fr', publishedAt };
}

/** What the incident should count: the crisis watch's mentions in [start, end). */
const inScope = () => seeded.filter((m) => m.watch === 'crisis' && m.publishedAt >= incident.scope.start && m.publishedAt < incident.scope.end!);
const quietInPeriod = () => seeded.filter((m) => m.watch === 'quiet' && m.publishedAt >= incident.scope.start && m.publishedAt < incident.scope.end!);

async function exportFile(kind: 'archive' | 'mentionsCsv' | 'mentionsXlsx'): Promise<Buffer> {
  const job = await invoke(core, 'reports:startExport', { workspaceId: WS, incidentId: incident.id, kind });
  const done = await core.reports.jobs.settled(job.jobId);
  expect(done.state, done.error ?? '').toBe('done');
  return Buffer.from((await invoke(core, 'reports:downloadExport', { jobId: job.jobId })).contentBase64, 'base64');
}

describe('an incident counts only its own watch and period', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-scope-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    crisisWatch = (await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } })).id;
    quietWatch = (await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Cafés Morand', keywords: ['Cafés Morand'] } })).id;
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });

    // Months before: a question about the bank, still in the queue.
    now = Date.parse('2025-11-02T10:00:00Z');
    await core.ingest.ingest(WS, source.id, [mention('old-question', 'crisis', now - MINUTE, 'Banque Léman : comment ouvrir un compte ?')]);

    // The crisis: a burst of angry posts and a journalist.
    now = ONSET;
    const burst = Array.from({ length: 25 }, (_, i) =>
      mention(`crisis-${i}`, 'crisis', ONSET - i * 20_000, i % 2 ? 'Scandale à la Banque Léman : fuite de données, #boycott' : 'Banque Léman nous ment, c’est honteux'),
    );
    burst.push(mention('cmartin', 'crisis', ONSET - 5_000, 'Fuite de données à la Banque Léman : la banque savait', 250_000, 'journalist'));
    await core.ingest.ingest(WS, source.id, burst);

    // Meanwhile the quiet watch talks too, with a bigger journalist and questions of its own.
    now = OPENED;
    await core.ingest.ingest(WS, source.id, [
      ...Array.from({ length: 4 }, (_, i) => mention(`quiet-${i}`, 'quiet', OPENED - (i + 1) * MINUTE, 'Cafés Morand : pourquoi ce nouveau tarif ?')),
      mention('quiet-journalist', 'quiet', OPENED - 30_000, 'Cafés Morand ouvre une boutique à Lausanne', 900_000, 'journalist'),
      mention('crisis-more', 'crisis', OPENED - 20_000, 'Banque Léman : allez-vous rembourser les clients ?'),
    ]);

    const [alert] = await invoke(core, 'detection:listAlerts', { workspaceId: WS, status: 'open' });
    expect(alert?.watchId).toBe(crisisWatch);
    incident = await invoke(core, 'incidents:openFromAlert', { workspaceId: WS, alertId: alert!.id, scenarioKind: 'dataBreach', severity: 'critical', actor: lead });

    now = CLOSED;
    await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId: incident.id, status: 'closed', actor: lead });
    // After closing, the story goes on: not this incident's any more.
    now = CLOSED + 10 * MINUTE;
    await core.ingest.ingest(WS, source.id, [mention('after-close', 'crisis', CLOSED + 5 * MINUTE, 'Banque Léman : toujours aucune réponse, scandale')]);
    incident = await invoke(core, 'incidents:get', { workspaceId: WS, incidentId: incident.id });
  }, 120_000);

  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('derives the scope from the alert: its watch, from the first signal of its episode to the closing', () => {
    expect(incident.scope.watchIds).toEqual([crisisWatch]);
    // The first post of the hour the detector judged when the watch left calm: the burst's first.
    expect(incident.scope.start).toBe(new Date(ONSET - 24 * 20_000).toISOString());
    expect(incident.scope.end).toBe(new Date(CLOSED).toISOString());
    // The test means something only if the quiet watch talked inside that very period.
    expect(quietInPeriod().length).toBeGreaterThan(0);
    expect(inScope().length).toBeGreaterThan(20);
  });

  it('report data: volume, peak, tone, level changes, alerts, top mentions and queue are the crisis watch’s alone', () => {
    const data = gatherReportData(core.reports.sources, WS, incident.id, new Date(now));
    expect(data.window).toEqual({ watchIds: [crisisWatch], from: incident.scope.start, to: incident.scope.end });
    expect(data.series.map((s) => s.watchId)).toEqual([crisisWatch]);
    expect(data.mentionsInWindow).toBe(inScope().length);
    const handles = new Set(inScope().map((m) => m.handle));
    expect(data.topMentions.length).toBe(Math.min(25, inScope().length));
    for (const m of data.topMentions) expect(handles.has(m.authorHandle!), m.authorHandle!).toBe(true);
    expect(data.topMentions[0]!.authorHandle).toBe('cmartin');
    expect(data.alerts.map((a) => a.watchId)).toEqual([crisisWatch]);
    expect(data.levelChanges.length).toBeGreaterThan(0);
    expect(new Set(data.levelChanges.map((c) => c.watchId))).toEqual(new Set([crisisWatch]));
    // Every crisis mention of the period is a complaint, a question or a journalist: all are in the queue.
    expect(data.queue.flagged).toBe(inScope().length);
    expect(data.organisation).toBe('Groupe Aurore SA');
  });

  it('PDF: the cover names the organisation, the time zone and the period; no quiet-watch post appears', async () => {
    const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId: incident.id, language: 'en', timeZone: 'Europe/Zurich' });
    const done = await core.reports.jobs.settled(job.jobId);
    expect(done.state, done.error ?? '').toBe('done');
    const path = join(dir, 'report.pdf');
    writeFileSync(path, Buffer.from((await invoke(core, 'reports:downloadExport', { jobId: job.jobId })).contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Groupe Aurore SA');
    expect(text).toContain('Europe/Zurich');
    // 09:50 UTC is 10:50 in Zurich in March (CET): the period is printed in the zone the cover names.
    // 09:42 UTC (the first post) to 10:20 UTC (closing) is 10:42 to 11:20 in Zurich in March (CET).
    expect(text).toMatch(/Period covered\s+6 Mar 2026, 10:42 → 6 Mar 2026, 11:20/);
    expect(text).toMatch(/Watches\s+Banque Léman\n/);
    expect(text).toContain(`Mentions in the period: ${inScope().length}.`);
    expect(text).not.toContain('Cafés Morand');
    expect(text).not.toContain('quiet-journalist');
    expect(text).not.toContain('after-close');
    expect(text).not.toContain('old-question');
    const unknownZone = await core.dispatch('reports:generate', { workspaceId: WS, incidentId: incident.id, timeZone: 'Mars/Olympus' });
    expect(unknownZone).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 60_000);

  it('response queue: the incident’s queue holds its own mentions, the workspace queue everything', async () => {
    const scoped = (await invoke(core, 'composer:responses', { workspaceId: WS, incidentId: incident.id, limit: 500 })).items;
    expect(scoped.map((i) => i.mention.authorHandle).sort()).toEqual(inScope().map((m) => m.handle).sort());
    const counts = await invoke(core, 'composer:responseCounts', { workspaceId: WS, incidentId: incident.id });
    expect(counts.unanswered).toBe(inScope().length);
    const all = (await invoke(core, 'composer:responses', { workspaceId: WS, limit: 500 })).items;
    expect(all.map((i) => i.mention.authorHandle)).toEqual(expect.arrayContaining(['quiet-0', 'old-question', 'after-close']));
  });

  it('exports: the mentions CSV and XLSX list exactly the incident’s mentions', async () => {
    const csv = parse((await exportFile('mentionsCsv')).toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r.author_handle).sort()).toEqual(inScope().map((m) => m.handle).sort());
    const sheet = (await readXlsx(new Uint8Array(await exportFile('mentionsXlsx')), 64 * 1024 * 1024)).rows;
    const column = sheet[0]!.cells.indexOf('author_handle');
    expect(sheet.slice(1).map((r) => r.cells[column]).sort()).toEqual(inScope().map((m) => m.handle).sort());
  });

  it('archive: watches, alerts, rollups and term counts of the crisis watch in the period only', async () => {
    const archive = incidentArchiveSchema.parse(JSON.parse((await exportFile('archive')).toString('utf8')));
    expect(archive.window).toEqual({ from: incident.scope.start, to: incident.scope.end });
    expect(archive.tables.watches.map((w) => w.id)).toEqual([crisisWatch]);
    expect(archive.tables.incident_watches).toEqual([{ incident_id: incident.id, watch_id: crisisWatch }]);
    expect(archive.tables.alerts.map((a) => a.watch_id)).toEqual([crisisWatch]);
    expect(archive.tables.mention_rollups.length).toBeGreaterThan(0);
    for (const table of ['mention_rollups', 'watch_term_hours'] as const) {
      expect(new Set(archive.tables[table].map((r) => r.watch_id)), table).toEqual(new Set([crisisWatch]));
    }
    expect(archive.tables.mention_rollups.reduce((n, r) => n + Number(r.count), 0)).toBe(inScope().length);
    expect(archive.tables.incidents[0]).toMatchObject({ period_start: incident.scope.start, period_end: incident.scope.end });
    expect(quietWatch).not.toBe(crisisWatch);
  });
});
