import { describe, expect, it } from 'vitest';
import type { MentionEnricher } from '../../../../../src/main/features/mentions/enricher';
import { primaryLanguage } from '../../../../../src/main/features/mentions/enricher';
import { DetectionRepository } from '../../../../../src/main/features/detection/detectionRepository';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { DashboardService } from '../../../../../src/main/features/dashboard/dashboardService';
import { listenDb } from '../../../../support/listenDb';

const NOW = new Date('2026-03-10T12:00:30.000Z');
const clock = { now: () => NOW };
const DAY = 86_400_000;
const localClock = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));

// Tone from a marker word, so each test mention's tone is known in advance.
const markerTone: MentionEnricher = {
  enrich: ({ text, language }) => ({
    language: primaryLanguage(language),
    toneClass: text.includes('scandale') ? 'negative' : text.includes('bravo') ? 'positive' : 'neutral',
    toneScore: 0,
  }),
};

let seq = 0;
const mention = (at: Date, text: string, extra: Record<string, unknown> = {}) => ({
  externalId: `m${++seq}`,
  author: { handle: '@reader', displayName: 'Reader', audience: 10, kind: 'public' },
  text: `ACME ${text}`,
  language: 'fr',
  publishedAt: at.toISOString(),
  ...extra,
});

async function setup() {
  const t = listenDb();
  const sourceId = t.addSource('rss', 'Le Temps');
  const watchId = t.addWatch('ACME', ['acme']);
  const ingest = new IngestService({ workspaces: t.lookup, enricher: markerTone, clock });
  const at1130 = new Date('2026-03-10T11:30:10.000Z');
  // The same minute on each of the 7 previous days holds 1..7 mentions: baseline quartiles 2.5 / 4 / 5.5.
  for (let k = 1; k <= 7; k++) {
    await ingest.ingest('live', sourceId, Array.from({ length: k }, () => mention(new Date(at1130.getTime() - k * DAY), 'rien')));
  }
  await ingest.ingest('live', sourceId, [
    mention(at1130, 'scandale'),
    mention(at1130, 'scandale encore', { language: 'en', author: { handle: '@anchor', displayName: 'TV Anchor', audience: 250_000, kind: 'journalist' } }),
    mention(at1130, 'bravo'),
  ]);
  return { ...t, watchId, ingest, service: new DashboardService(t.lookup, clock) };
}

describe('DashboardService', () => {
  it('buckets the last hour by minute with tone, negative share and the seasonal band of the previous days', async () => {
    const { service, watchId } = await setup();
    const s = service.series('live', watchId, { range: '1h' });
    expect(s).toMatchObject({ from: '2026-03-10T11:01:00.000Z', to: '2026-03-10T12:01:00.000Z', bucketMinutes: 1, total: 3, baselineDays: 7 });
    expect(s.points).toHaveLength(60);
    const p = s.points.find((x) => x.at === '2026-03-10T11:30:00.000Z');
    // The usual level comes from the same hour on the previous days, a sixtieth per minute. Seven days ago the watch
    // only started at 11:30, so that hour is unknown: days 1..6 (1..6 mentions) give quartiles 2.25 / 3.5 / 4.75.
    expect(p).toMatchObject({ count: 3, negative: 2, neutral: 0, positive: 1, baseline: { low: 0.04, median: 0.06, high: 0.08 }, level: 'calm' });
    expect(p?.negativeShare).toBeCloseTo(2 / 3);
    expect(s.points[0]).toMatchObject({ count: 0, negativeShare: null, baseline: { median: 0.06 } });
    // An hour that was empty on all 7 days has a real, flat baseline.
    expect(s.points.find((x) => x.at === '2026-03-10T12:00:00.000Z')?.baseline).toEqual({ low: 0, median: 0, high: 0 });
  });

  it('reads week and month ranges from the hourly rollups with the same totals', async () => {
    const { service, watchId } = await setup();
    const week = service.series('live', watchId, { range: '7d' });
    expect(week.bucketMinutes).toBe(60);
    expect(week.total).toBe(3 + 1 + 2 + 3 + 4 + 5 + 6);
    expect(week.points.find((x) => x.at === '2026-03-10T11:00:00.000Z')).toMatchObject({ count: 3, negative: 2 });
    const day = service.series('live', watchId, { range: '24h' });
    expect(day).toMatchObject({ bucketMinutes: 15, total: 3 });
    expect(day.points.find((x) => x.at === '2026-03-10T11:30:00.000Z')).toMatchObject({ count: 3, baseline: { low: 0.56, median: 0.88, high: 1.19 } });
    expect(week.points.find((x) => x.at === '2026-03-10T11:00:00.000Z')?.baseline).toEqual({ low: 2.25, median: 3.5, high: 4.75 });
    const month = service.series('live', watchId, { range: '30d' });
    expect(month).toMatchObject({ bucketMinutes: 360, total: 3 + 28 });
    expect(month.points).toHaveLength(120);
    // Before the watch's first data there is no history: no band rather than a band of zeros.
    expect(month.points[0]?.baseline).toBeNull();
  });

  it('draws the stored level history (the level in force before the range included) and puts alerts and published statements on the timeline', async () => {
    const { service, watchId, db } = await setup();
    const levels = new DetectionRepository(db);
    levels.saveLevel(watchId, 'alert', '2026-03-10T10:00:00.000Z');
    levels.saveLevel(watchId, 'vigilance', '2026-03-10T10:30:00.000Z');
    levels.saveLevel(watchId, 'calm', '2026-03-10T11:20:30.000Z');
    levels.saveLevel(watchId, 'alert', '2026-03-10T11:40:00.000Z');
    db.prepare(
      "INSERT INTO alerts (watch_id, level, opened_at, updated_at, explanation_json) VALUES (?, 'alert', '2026-03-10T11:40:00.000Z', '2026-03-10T11:40:00.000Z', '{}')",
    ).run(watchId);
    db.prepare(
      `INSERT INTO statements (id, incident_id, kind, title, text_fr, text_en, channels_json, variants_json, content_hash, created_by, created_at, updated_at)
       VALUES ('st1', 'inc1', 'holding', 'Premier message', 'fr', 'en', '[]', '{}', 'h', 'Léa', '2026-03-10T11:45:00.000Z', '2026-03-10T11:45:00.000Z')`,
    ).run();
    const outbox = db.prepare(
      `INSERT INTO outbox (id, statement_id, channel, language, parts_json, content_hash, idempotency_key, state, next_attempt_at, published_at, queued_by, created_at, updated_at)
       VALUES (?, 'st1', ?, 'fr', '[]', 'h', ?, ?, '2026-03-10T11:50:00.000Z', ?, 'Léa', '2026-03-10T11:50:00.000Z', '2026-03-10T11:50:00.000Z')`,
    );
    outbox.run('o1', 'mastodon', 'k1', 'published', '2026-03-10T11:52:00.000Z');
    outbox.run('o2', 'bluesky', 'k2', 'published', '2026-03-10T11:51:00.000Z');
    outbox.run('o3', 'website', 'k3', 'queued', null);
    const s = service.series('live', watchId, { range: '1h' });
    const levelAt = (at: string) => s.points.find((x) => x.at === `2026-03-10T${at}:00.000Z`)?.level;
    expect(s.points[0]?.level).toBe('vigilance');
    // The minute in which it stepped down still shows the higher level.
    expect([levelAt('11:19'), levelAt('11:20'), levelAt('11:21'), levelAt('11:39'), levelAt('11:40')]).toEqual([
      'vigilance',
      'vigilance',
      'calm',
      'calm',
      'alert',
    ]);
    expect(s.points.at(-1)?.level).toBe('alert');
    expect(s.alerts).toEqual([{ id: expect.any(Number), at: '2026-03-10T11:40:00.000Z', level: 'alert' }]);
    expect(s.statements).toEqual([
      { id: 'st1', title: 'Premier message', at: '2026-03-10T11:51:00.000Z', channels: expect.arrayContaining(['mastodon', 'bluesky']) },
    ]);
  });

  it('splits the range by source and language and ranks terms and authors by audience', async () => {
    const { service, watchId, db } = await setup();
    const hour = Math.floor(Date.parse('2026-03-10T11:00:00.000Z') / 3_600_000);
    const term = db.prepare('INSERT INTO watch_term_hours (watch_id, hour, term, count) VALUES (?, ?, ?, ?)');
    term.run(watchId, hour, '#boycott', 5);
    term.run(watchId, hour, 'scandale', 2);
    term.run(watchId, hour - 48, 'ancien', 99);
    const b = service.breakdown('live', watchId, { range: '1h' });
    expect(b.languages).toEqual([
      { value: 'fr', count: 2 },
      { value: 'en', count: 1 },
    ]);
    expect(b.sources).toEqual([{ value: 'Le Temps', count: 3 }]);
    expect(b.terms).toEqual([
      { term: '#boycott', count: 5 },
      { term: 'scandale', count: 2 },
    ]);
    expect(b.authors[0]).toEqual({ name: 'TV Anchor', handle: '@anchor', audience: 250_000, kind: 'journalist', mentions: 1 });
    expect(b.authors[1]).toMatchObject({ name: 'Reader', mentions: 2 });
    const week = service.breakdown('live', watchId, { range: '7d' });
    expect(week.languages).toEqual([
      { value: 'fr', count: 23 },
      { value: 'en', count: 1 },
    ]);
  });

  it('shows top terms as the posts write them, not as the accent-free keys they are counted under', async () => {
    const { service, watchId, db, ingest } = await setup();
    const sourceId = (db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    await ingest.ingest('live', sourceId, [
      mention(new Date('2026-03-10T11:40:00.000Z'), 'Sécurité des données ? #HelvetiaLeak'),
      mention(new Date('2026-03-10T11:41:00.000Z'), 'la sécurité, encore #HelvetiaLeak'),
    ]);
    const hour = Math.floor(Date.parse('2026-03-10T11:00:00.000Z') / 3_600_000);
    const term = db.prepare('INSERT INTO watch_term_hours (watch_id, hour, term, count) VALUES (?, ?, ?, ?)');
    term.run(watchId, hour, 'securite', 4);
    term.run(watchId, hour, '#helvetialeak', 3);
    term.run(watchId, hour, 'absent', 1);
    expect(service.breakdown('live', watchId, { range: '1h' }).terms).toEqual([
      { term: 'sécurité', count: 4 },
      { term: '#HelvetiaLeak', count: 3 },
      { term: 'absent', count: 1 },
    ]);
  });

  it("cuts buckets of several hours at the reader's midnight, not UTC's", async () => {
    const { service, watchId, ingest, db } = await setup();
    const sourceId = (db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    // 00:30 on 10 March in Geneva, still 9 March in UTC.
    await ingest.ingest('live', sourceId, [mention(new Date('2026-03-09T23:30:00.000Z'), 'minuit')]);
    const month = service.series('live', watchId, { range: '30d', timeZone: 'Europe/Zurich' });
    expect(month.bucketMinutes).toBe(360);
    expect(month.points.every((p) => ['05', '11', '17', '23'].includes(p.at.slice(11, 13)))).toBe(true);
    expect(month.points.find((p) => p.at === '2026-03-09T23:00:00.000Z')?.count).toBe(1);
    const utc = service.series('live', watchId, { range: '30d', timeZone: 'UTC' });
    expect(utc.points.find((p) => p.at === '2026-03-09T18:00:00.000Z')?.count).toBe(1);
    // Day buckets of a long period start at local midnight: 23:00 UTC in winter time, 22:00 UTC in summer time.
    const year = service.series('live', watchId, { from: '2025-10-01T00:00:00Z', to: '2026-07-01T00:00:00Z', timeZone: 'Europe/Zurich' });
    expect(year.bucketMinutes).toBe(1440);
    expect(year.points.every((p) => localClock(p.at, 'Europe/Zurich') === '00:00')).toBe(true);
    expect(year.points.find((p) => p.at.startsWith('2026-01-15'))?.at).toBe('2026-01-15T23:00:00.000Z');
    expect(year.points.find((p) => p.at.startsWith('2026-06-15'))?.at).toBe('2026-06-15T22:00:00.000Z');
    // A zone west of UTC, its clocks going forward on 8 March: Montreal's midnight on either side.
    const montreal = service.series('live', watchId, { range: '30d', timeZone: 'America/Montreal' });
    expect(montreal.points.every((p) => ['00:00', '06:00', '12:00', '18:00'].includes(localClock(p.at, 'America/Montreal')))).toBe(true);
    expect(montreal.points.filter((p) => p.at.startsWith('2026-03-0')).map((p) => p.at.slice(5, 13))).toContain('03-07T05');
    expect(montreal.points.filter((p) => p.at.startsWith('2026-03-0')).map((p) => p.at.slice(5, 13))).toContain('03-09T04');
    // Buckets under an hour are the same in every zone.
    expect(service.series('live', watchId, { range: '1h', timeZone: 'Asia/Kolkata' }).from).toBe('2026-03-10T11:01:00.000Z');
  });

  it.each([
    ['the last Sunday of March', '2026-03-22T00:00:00+01:00', '2026-04-05T00:00:00+02:00', '2026-03-28T23:30:00.000Z', '2026-03-30T22:30:00.000Z'],
    ['the last Sunday of October', '2026-10-18T00:00:00+02:00', '2026-11-01T00:00:00+01:00', '2026-10-23T22:30:00.000Z', '2026-10-26T23:30:00.000Z'],
  ])('keeps buckets on Zurich local hours across %s', async (_, from, to, before, after) => {
    const { service, watchId, ingest, db } = await setup();
    const sourceId = (db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    // 00:30 local time on a day before the change and on a day after it.
    await ingest.ingest('live', sourceId, [mention(new Date(before), 'minuit'), mention(new Date(after), 'minuit')]);
    const s = service.series('live', watchId, { from, to, timeZone: 'Europe/Zurich' });
    expect(s.bucketMinutes).toBe(120);
    // Every bucket starts at an even local hour, except that 02:00 does not exist on 29 March: its bucket starts at 03:00.
    const odd = s.points.filter((p) => !/^(0[02468]|1[02468]|2[02]):00$/.test(localClock(p.at, 'Europe/Zurich'))).map((p) => p.at);
    expect(odd).toEqual(from.startsWith('2026-03') ? ['2026-03-29T01:00:00.000Z'] : []);
    const widths = s.points.map((p, i) => (Date.parse(s.points[i + 1]?.at ?? s.to) - Date.parse(p.at)) / 3_600_000);
    // The short day and the long day: one bucket of an hour, or one of three (02:00 to 04:00 lived twice).
    expect(widths.filter((h) => h !== 2)).toEqual(from.startsWith('2026-03') ? [1] : [3]);
    const midnight = (at: string) => s.points.find((p) => p.count > 0 && p.at < at && Date.parse(at) - Date.parse(p.at) <= 7_200_000);
    expect(localClock(midnight(before)!.at, 'Europe/Zurich')).toBe('00:00');
    expect(localClock(midnight(after)!.at, 'Europe/Zurich')).toBe('00:00');
    expect(s.total).toBe(2);
  });

  it('cuts hours and days of a half-hour zone at its own hour, not the rounded one', async () => {
    const { service, watchId, ingest, db } = await setup();
    const sourceId = (db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    // 10:45 in Kolkata (+05:30).
    await ingest.ingest('live', sourceId, [mention(new Date('2026-03-09T05:15:00.000Z'), 'matin')]);
    const week = service.series('live', watchId, { range: '7d', timeZone: 'Asia/Kolkata' });
    expect(week.points.every((p) => p.at.slice(14, 16) === '30')).toBe(true);
    expect(week.points.find((p) => p.at === '2026-03-09T04:30:00.000Z')?.count).toBe(1);
    expect(week.total).toBe(1 + 1 + 2 + 3 + 4 + 5 + 6 + 3);
    // The splits beside the chart count the same half-hour-cut week: hours inside, minutes at its ends.
    const splits = service.breakdown('live', watchId, { range: '7d', timeZone: 'Asia/Kolkata' });
    expect(splits.languages.reduce((sum, l) => sum + l.count, 0)).toBe(week.total);
    expect(splits.sources).toEqual([{ value: 'Le Temps', count: week.total }]);
    const month = service.series('live', watchId, { range: '30d', timeZone: 'Asia/Kolkata' });
    expect(month.points.map((p) => localClock(p.at, 'Asia/Kolkata')).filter((c) => !['00:00', '06:00', '12:00', '18:00'].includes(c))).toEqual([]);
    expect(month.points.find((p) => p.at === '2026-03-09T00:30:00.000Z')?.count).toBe(1);
  });

  it('answers an unknown watch with empty series rather than failing', async () => {
    const { service } = await setup();
    const s = service.series('live', 999, { range: '24h' });
    expect(s.total).toBe(0);
    expect(s.points.every((p) => p.baseline === null)).toBe(true);
  });
});
