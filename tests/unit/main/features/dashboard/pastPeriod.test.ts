// A past week imported into a watch created today: the dashboard opens it as an absolute period, its level strip
// comes from a backtest replay (no live detection ran then), and the backtest tells the week's story episode by episode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { gatherReportData } from '../../../../../src/main/features/reports/reportData';
import { invoke, makeTestCore } from '../../../../support/testCore';

const WS = 'live';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The imported week: Sunday 1 March 2026 00:00 UTC to Sunday 8 March. */
const WEEK_START = Date.UTC(2026, 2, 1);
const CAMPAIGN = WEEK_START + 2 * DAY + 10 * HOUR;
const LEAK = WEEK_START + 5 * DAY + 14 * HOUR;
const now = Date.UTC(2026, 11, 7, 6);

let dir: string;
let core: Core;
let watchId: number;

type Author = { handle: string; displayName: string; audience: number; kind: string };

function pastWeek() {
  const mentions: Array<{ externalId: string; author: Author; text: string; language: string; publishedAt: string }> = [];
  let n = 0;
  const add = (at: number, text: string, author: Author) =>
    mentions.push({ externalId: `p${n++}`, author, text, language: 'fr', publishedAt: new Date(at).toISOString() });
  // Ten days of ordinary talk, three mentions an hour, so the baseline and the words are known.
  for (let at = WEEK_START - 3 * DAY; at < WEEK_START + 7 * DAY; at += 20 * 60_000) {
    add(at, `Banque Léman ouvre une agence à Morges, horaires du samedi ${n % 7}`, { handle: `c${n % 40}`, displayName: `Client ${n % 40}`, audience: 150, kind: 'public' });
  }
  // Day 3: a loud, happy campaign (volume only: vigilance, never an alert).
  for (let i = 0; i < 120; i += 1) {
    add(CAMPAIGN + i * 30_000, `J'adore la nouvelle carte Banque Léman, superbe campagne ${i}`, { handle: `fan${i}`, displayName: `Fan ${i}`, audience: 300, kind: 'public' });
  }
  // Day 6: the data leak, then a journalist with a large audience.
  for (let i = 0; i < 150; i += 1) {
    add(LEAK + i * 20_000, `Fuite de données chez Banque Léman, mes données sont en ligne, #HelvetiaLeak scandale ${i}`, { handle: `v${i}`, displayName: `Victime ${i}`, audience: 200, kind: 'public' });
  }
  add(LEAK + 25 * 60_000, 'Fuite de données à la Banque Léman : des milliers de clients exposés #HelvetiaLeak', {
    handle: 'cmartin',
    displayName: 'Claire Martin',
    audience: 250_000,
    kind: 'journalist',
  });
  return mentions;
}

describe('a past period imported into a new watch', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-past-'));
    core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    watchId = (await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } })).id;
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Agency export', config: {} } });
    const all = pastWeek();
    for (let i = 0; i < all.length; i += 500) await core.ingest.ingest(WS, source.id, all.slice(i, i + 500));
  }, 60_000);
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws an absolute week in hourly buckets with every mention, and a replayed level strip', async () => {
    const from = new Date(WEEK_START).toISOString();
    const to = new Date(WEEK_START + 7 * DAY).toISOString();
    const series = await invoke(core, 'dashboard:series', { workspaceId: WS, watchId, from, to });
    expect(series).toMatchObject({ range: null, from, to, bucketMinutes: 60 });
    expect(series.points).toHaveLength(168);
    expect(series.total).toBe(7 * 72 + 120 + 151);
    expect(series.replayed).toEqual({ from, to });
    const levelAt = (at: number) => series.points.find((p) => p.at === new Date(Math.floor(at / HOUR) * HOUR).toISOString())!.level;
    expect(levelAt(CAMPAIGN + 30 * 60_000)).toBe('vigilance');
    expect(['alert', 'crisis']).toContain(levelAt(LEAK + 30 * 60_000));
    expect(levelAt(WEEK_START + DAY)).toBe('calm');
    const breakdown = await invoke(core, 'dashboard:breakdown', { workspaceId: WS, watchId, from, to });
    expect(breakdown.from).toBe(from);
    expect(breakdown.authors[0]!.name).toBe('Claire Martin');
  });

  it('keeps a chart between 100 and 300 points whatever the length of the period', async () => {
    for (const [minutes, bucket] of [
      [90, 1],
      [12 * 60, 5],
      [3 * 1440, 15],
      [30 * 1440, 180],
      [365 * 1440, 1440 * 2],
    ] as const) {
      const from = new Date(WEEK_START).toISOString();
      const to = new Date(WEEK_START + minutes * 60_000).toISOString();
      const series = await invoke(core, 'dashboard:series', { workspaceId: WS, watchId, from, to });
      expect(series.bucketMinutes).toBe(bucket);
      expect(series.points.length).toBeGreaterThanOrEqual(90);
      expect(series.points.length).toBeLessThanOrEqual(300);
    }
    await expect(invoke(core, 'dashboard:series', { workspaceId: WS, watchId, from: new Date(WEEK_START).toISOString(), to: new Date(WEEK_START + 500 * DAY).toISOString() })).rejects.toThrow(/400 days/);
    await expect(invoke(core, 'dashboard:series', { workspaceId: WS, watchId, from: new Date(WEEK_START).toISOString() })).rejects.toThrow();
  });

  it('tells the backtest story: level changes, the vigilance of the campaign and the leak with its why-card', async () => {
    const input = { workspaceId: WS, watchId, from: new Date(WEEK_START).toISOString(), to: new Date(WEEK_START + 7 * DAY).toISOString() };
    const result = await invoke(core, 'detection:backtest', input);
    expect(result.changes.length).toBeGreaterThanOrEqual(4);
    expect(result.changes.every((c, i) => i === 0 || c.at >= result.changes[i - 1]!.at)).toBe(true);
    const campaign = result.episodes.find((e) => Date.parse(e.startedAt) >= CAMPAIGN && Date.parse(e.startedAt) < CAMPAIGN + 2 * HOUR)!;
    expect(campaign).toMatchObject({ peakLevel: 'vigilance', alerted: false });
    expect(campaign.endedAt).not.toBeNull();
    const leak = result.episodes.find((e) => e.alerted)!;
    expect(Date.parse(leak.startedAt)).toBeGreaterThanOrEqual(LEAK);
    expect(Date.parse(leak.startedAt)).toBeLessThan(LEAK + HOUR);
    expect(result.episodes.filter((e) => e.alerted)).toHaveLength(1);
    const why = leak.explanation;
    expect(why.signals.find((s) => s.kind === 'vocabulary')!.items).toEqual(expect.arrayContaining(['fuite de données']));
    expect(why.samples.some((s) => s.text.includes('#HelvetiaLeak'))).toBe(true);
    // The journalist posted 25 minutes after the opening: the card at the episode's height names her.
    expect(Date.parse(leak.startedAt)).toBeLessThan(LEAK + 25 * 60_000);
    expect(why.topAuthors[0]!.name).toBe('Claire Martin');
    expect(why.signals.find((s) => s.kind === 'audience')!.items).toContain('Claire Martin');

    const csv = await invoke(core, 'detection:backtestExport', { ...input, format: 'csv' });
    expect(csv.fileName).toBe('backtest-banque-léman-2026-03-01-2026-03-08.csv');
    const lines = csv.content.replace(/^\ufeff/, '').split('\r\n').length > 1 ? csv.content : csv.content;
    expect(lines).toContain('started_at,ended_at,peak_level');
    expect(lines).toContain('vigilance');
    expect(lines).toContain('fuite de données');
    const json = await invoke(core, 'detection:backtestExport', { ...input, format: 'json' });
    expect(JSON.parse(json.content)).toMatchObject({ watchName: 'Banque Léman', episodes: result.episodes });
  }, 60_000);

  it("builds an incident report's level chronology on the imported period from its replay", async () => {
    const incident = await invoke(core, 'incidents:open', {
      workspaceId: WS,
      incident: {
        title: 'Fuite de données',
        scenarioKind: 'dataBreach',
        severity: 'critical',
        scope: { watchIds: [watchId], start: new Date(LEAK - 2 * HOUR).toISOString() },
        actor: { author: 'Anne Roux', authorRole: 'crisisLead' },
      },
    });
    const data = gatherReportData(core.reports.sources, WS, incident.id, new Date(now));
    const replayedAlert = data.levelChanges.find((c) => c.replayed && ['alert', 'crisis'].includes(c.level));
    expect(replayedAlert).toBeDefined();
    expect(Date.parse(replayedAlert!.at)).toBeGreaterThanOrEqual(LEAK);
    expect(Date.parse(replayedAlert!.at)).toBeLessThan(LEAK + HOUR);
    expect(data.levelChanges.every((c, i) => i === 0 || c.at >= data.levelChanges[i - 1]!.at)).toBe(true);

    const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId: incident.id, language: 'en', timeZone: 'Europe/Zurich' });
    const done = await core.reports.jobs.settled(job.jobId);
    expect(done.state, done.error ?? '').toBe('done');
    const path = join(dir, 'past-report.pdf');
    writeFileSync(path, Buffer.from((await invoke(core, 'reports:downloadExport', { jobId: job.jobId })).contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    // The leak began at 14:00 UTC on 6 March, 15:00 in Zurich: the replayed alert is printed in that hour.
    expect(text).toMatch(/6 Mar 2026, 15:\d\d\s+Detection level of Banque Léman, replayed from the\s+(alert|crisis)\s+imported mentions/);
  }, 120_000);

  it('joins the replay before the watch existed to the stored live levels after it', async () => {
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Live', config: {} } });
    const burst = Array.from({ length: 26 }, (_, i) => ({
      externalId: `live-${i}`,
      author: i === 25 ? { handle: 'cmartin', displayName: 'Claire Martin', audience: 250_000, kind: 'journalist' } : { handle: `l${i}`, displayName: `Lecteur ${i}`, audience: 200, kind: 'public' },
      text: 'Scandale : fuite de données chez Banque Léman, c’est honteux et inadmissible',
      language: 'fr',
      publishedAt: new Date(now + 30_000 + i * 1000).toISOString(),
    }));
    await core.ingest.ingest(WS, source.id, burst);
    expect((await invoke(core, 'detection:overview', { workspaceId: WS })).level).not.toBe('calm');
    const from = new Date(now - 2 * DAY).toISOString();
    const series = await invoke(core, 'dashboard:series', { workspaceId: WS, watchId, from, to: new Date(now + HOUR).toISOString() });
    expect(series.replayed).toEqual({ from, to: new Date(now).toISOString() });
    const live = series.points.filter((p) => p.at >= new Date(now).toISOString());
    expect(['alert', 'crisis']).toContain(live[0]!.level);
    expect(series.points.filter((p) => p.at < new Date(now).toISOString()).every((p) => p.level === 'calm')).toBe(true);
  });
});
