// @vitest-environment node
// Must show #3: an incident classified under DORA and GDPR at a given time gets the deadlines the texts set, its
// reminders at the plan's fractions on a fake clock, and a report section saying which were met and missed, in
// French and English.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { clocksEn, clocksFr } from '../../../../../src/shared/i18n/clocks';
import { reportsEn, reportsFr } from '../../../../../src/shared/i18n/reports';
import { repoPath } from '../../../../support/paths';
import { invoke, makeTestCore } from '../../../../support/testCore';

const WS = 'live';
const HOUR = 3_600_000;
const ARTIFACTS = repoPath('test-results/clocks');
const actor = { author: 'Élodie Rochat', authorRole: 'legal' };
const iso = (ms: number) => new Date(ms).toISOString();

// Aware at 08:00 in Zurich on Friday 27 March 2026; classified at 11:00; clocks go forward on Sunday the 29th.
const AWARE = Date.parse('2026-03-27T07:00:00Z');
const CLASSIFIED = Date.parse('2026-03-27T10:00:00Z');

let dir: string;
let core: Core;
let now: number;

async function openIncident(): Promise<string> {
  const incident = await invoke(core, 'incidents:open', {
    workspaceId: WS,
    incident: { title: 'Fuite de données clients', scenarioId: null, scenarioKind: 'dataBreach', severity: 'critical', summary: '', actor },
  });
  return incident.id;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

async function report(incidentId: string, language: 'fr' | 'en'): Promise<string> {
  const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId, language, timeZone: 'Europe/Zurich' });
  const done = await core.reports.jobs.settled(job.jobId);
  expect(done.state, done.error ?? '').toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `report-clocks-${language}.pdf`);
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
  return path;
}

describe('regulatory clocks', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-clocks-'));
    now = Date.parse('2026-03-27T09:00:00Z');
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
  });
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('classifies under DORA and GDPR, reminds at the set fractions, records what was sent, and reports met and missed', async () => {
    const incidentId = await openIncident();
    const reminders: unknown[] = [];
    core.events.on('clocks:reminder', (payload) => void reminders.push(payload));
    now = CLASSIFIED;
    const dora = await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'dora-major-ict', awarenessAt: iso(AWARE), actor });
    const gdpr = await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'gdpr-art33', awarenessAt: iso(AWARE), actor });

    // DORA: the earlier of 4 h after classification (15:00 Zurich) and 24 h after awareness; later steps wait.
    expect(dora.steps.map((s) => [s.stepId, s.dueAt, s.status])).toEqual([
      ['initial', '2026-03-27T14:00:00.000Z', 'running'],
      ['intermediate', null, 'waiting'],
      ['final', null, 'waiting'],
    ]);
    // GDPR: 72 elapsed hours from awareness, across the change to summer time: 09:00 in Zurich on Monday.
    expect(gdpr.steps.map((s) => s.dueAt)).toEqual(['2026-03-30T07:00:00.000Z']);

    // The classification is in the crisis log, with who and when.
    const classified = (await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId } })).filter((e) => e.systemCode === 'clock.classified');
    expect(classified).toHaveLength(2);
    expect(classified.every((e) => e.data?.by === actor.author && e.occurredAt === iso(CLASSIFIED))).toBe(true);

    // Reminders at 50 %, 75 %, 90 % of DORA's 4 h: 13:00, 14:00 and 14:36 in Zurich; nothing before.
    now = CLASSIFIED + 2 * HOUR - 1;
    expect(core.clocks.remindDue([WS])).toEqual([]);
    now = CLASSIFIED + 2 * HOUR;
    expect(core.clocks.remindDue([WS]).map((r) => [r.obligationId, r.fraction])).toEqual([['dora-major-ict', 0.5]]);
    expect(core.clocks.remindDue([WS])).toEqual([]);
    now = CLASSIFIED + 3.6 * HOUR;
    // 75 % and 90 % both passed since the last check: only the latest is said, the other is not said late.
    expect(core.clocks.remindDue([WS]).map((r) => r.fraction)).toEqual([0.9]);
    expect(reminders).toHaveLength(2);
    const logged = (await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId } })).filter((e) => e.systemCode === 'clock.reminder');
    expect(logged.map((e) => e.data?.percent).sort()).toEqual([50, 90]);

    // DORA initial notification sent at 14:30 Zurich: met. The intermediate report is now due 72 h later.
    now = CLASSIFIED + 3.5 * HOUR + 5 * 60_000;
    const sentAt = iso(CLASSIFIED + 3.5 * HOUR);
    const afterInitial = await invoke(core, 'clocks:markSent', { workspaceId: WS, clockId: dora.id, stepId: 'initial', what: 'Formulaire DORA initial, réf. FIN-2026-031', sentAt, actor });
    expect(afterInitial.steps[0]).toMatchObject({ status: 'met', sentAt, sentWhat: 'Formulaire DORA initial, réf. FIN-2026-031', sentBy: actor.author });
    expect(afterInitial.steps[1]?.dueAt).toBe('2026-03-30T13:30:00.000Z');

    // GDPR never sent by its deadline: missed. The intermediate DORA report is sent in time; the final one is
    // then due a calendar month later on Zurich's wall clock (15:00 on 30 April).
    now = Date.parse('2026-03-30T12:00:00Z');
    await invoke(core, 'clocks:markSent', { workspaceId: WS, clockId: dora.id, stepId: 'intermediate', what: 'Rapport intermédiaire', actor });
    const listed = await invoke(core, 'clocks:list', { workspaceId: WS, incidentId });
    const byId = new Map(listed.clocks.map((c) => [c.obligation.id, c]));
    expect(byId.get('gdpr-art33')?.steps[0]?.status).toBe('missed');
    expect(byId.get('dora-major-ict')?.steps.map((s) => s.status)).toEqual(['met', 'met', 'running']);
    expect(byId.get('dora-major-ict')?.steps[2]?.dueAt).toBe('2026-04-30T12:00:00.000Z');

    // Refusals: a second classification, a step sent twice, a sending in the future.
    const again = await core.dispatch('clocks:classify', { workspaceId: WS, incidentId, obligationId: 'gdpr-art33', awarenessAt: iso(AWARE), actor });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const twice = await core.dispatch('clocks:markSent', { workspaceId: WS, clockId: dora.id, stepId: 'initial', what: 'x', actor });
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
    const future = await core.dispatch('clocks:markSent', { workspaceId: WS, clockId: gdpr.id, stepId: 'notification', what: 'x', sentAt: iso(now + HOUR), actor });
    expect(future.ok ? null : future.error.code).toBe('INVALID_INPUT');

    // GDPR sent late: still missed, with when it went.
    await invoke(core, 'clocks:markSent', { workspaceId: WS, clockId: gdpr.id, stepId: 'notification', what: 'Notification CNIL n° 12345', actor });

    for (const [language, strings, tables] of [
      ['fr', clocksFr.report, reportsFr.pdf],
      ['en', clocksEn.report, reportsEn.pdf],
    ] as const) {
      const text = pdfText(await report(incidentId, language));
      expect(text).toContain(tables.sections.regulatory);
      const section = text.slice(text.lastIndexOf(tables.sections.regulatory));
      const dateTime = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Zurich' });
      expect(section).toContain(language === 'fr' ? 'DORA — incident majeur lié aux TIC' : 'DORA — major ICT-related incident');
      expect(section).toContain(language === 'fr' ? 'RGPD art. 33' : 'GDPR Art. 33');
      // DORA initial: due 15:00 Zurich, met; GDPR: due Monday 09:00 Zurich (summer time), missed.
      expect(section).toContain(dateTime.format(new Date('2026-03-27T14:00:00Z')));
      expect(section).toContain(dateTime.format(new Date('2026-03-30T07:00:00Z')));
      expect(section).toContain('FIN-2026-031');
      expect(section).toContain(strings.met);
      expect(section).toContain(strings.missed);
      expect(section).toContain(strings.running);
    }
  }, 60_000);

  it('moves the deadlines when the awareness time is corrected, with the reason in the log', async () => {
    const incidentId = await openIncident();
    now = CLASSIFIED;
    const dora = await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'dora-major-ict', awarenessAt: iso(AWARE), actor });
    // Aware since the evening before: 24 h after awareness now comes before 4 h after classification.
    const earlier = iso(Date.parse('2026-03-26T11:00:00Z'));
    const corrected = await invoke(core, 'clocks:setAwareness', { workspaceId: WS, clockId: dora.id, awarenessAt: earlier, reason: 'Premier signalement SOC retrouvé', actor });
    expect(corrected.awarenessAt).toBe(earlier);
    expect(corrected.steps[0]?.dueAt).toBe('2026-03-27T11:00:00.000Z');
    const entry = (await invoke(core, 'crisisLog:list', { workspaceId: WS, filter: { incidentId } })).find((e) => e.systemCode === 'clock.awareness');
    expect(entry?.data).toMatchObject({ reason: 'Premier signalement SOC retrouvé', previousAwarenessAt: iso(AWARE), awarenessAt: earlier });
    const later = await core.dispatch('clocks:setAwareness', { workspaceId: WS, clockId: dora.id, awarenessAt: iso(CLASSIFIED + HOUR), reason: 'x', actor });
    expect(later.ok ? null : later.error.code).toBe('INVALID_INPUT');
  });

  it('starts a firm-defined obligation the cell added to its plan', async () => {
    const incidentId = await openIncident();
    const stored = await invoke(core, 'plan:get', { workspaceId: WS });
    const board = stored.plan.regulatory.obligations.find((o) => o.id === 'board-2h')!;
    const custom = { ...board, id: 'insurer-48h', name: { fr: 'Assureur cyber', en: 'Cyber insurer' }, steps: [{ ...board.steps[0]!, limits: [{ from: 'awareness' as const, after: 'PT48H', months: 0 }] }] };
    await invoke(core, 'plan:save', {
      workspaceId: WS,
      baseRevision: stored.revision,
      plan: { ...stored.plan, regulatory: { ...stored.plan.regulatory, obligations: [...stored.plan.regulatory.obligations, custom] } },
      note: '',
    });
    now = CLASSIFIED;
    const clock = await invoke(core, 'clocks:classify', { workspaceId: WS, incidentId, obligationId: 'insurer-48h', awarenessAt: iso(AWARE), actor });
    expect(clock.steps[0]?.dueAt).toBe(iso(AWARE + 48 * HOUR));
  });
});
