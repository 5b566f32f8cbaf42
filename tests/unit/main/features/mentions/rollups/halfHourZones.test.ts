// Buckets of a +05:30 (Kolkata) or +05:45 (Kathmandu) zone start inside UTC hours. They are read from the hourly
// rollups for every hour wholly inside a bucket and from the per-minute ones only for the hours an edge cuts; the
// counts must be the same as the minute-only read over a long period, edges and ragged ends included.
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '../../../../../../src/main/features/mentions/ingestService';
import { sourceLanguageEnricher } from '../../../../../../src/main/features/mentions/enricher';
import { RollupRepository, type VolumeBucket } from '../../../../../../src/main/features/mentions/rollups/rollupRepository';
import { DashboardService } from '../../../../../../src/main/features/dashboard/dashboardService';
import { listenDb } from '../../../../../support/listenDb';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);
const DAYS = 120;
const ZONES = [
  ['Asia/Kolkata', 330],
  ['Asia/Kathmandu', 345],
] as const;

/** A deterministic generator, so a failure names the same mentions every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function setup() {
  const t = listenDb();
  const sourceId = t.addSource('rss', 'Le Temps');
  const watchId = t.addWatch('ACME', ['acme']);
  const ingest = new IngestService({ workspaces: t.lookup, enricher: sourceLanguageEnricher, clock: { now: () => new Date(START + DAYS * DAY) } });
  const next = random(19);
  const times: number[] = [];
  for (let i = 0; i < 3000; i++) times.push(START + Math.floor(next() * DAYS * DAY));
  // Each local midnight, and each edge of 6-hour and 2-hour buckets, gets a mention just before and just after it.
  for (const [, offset] of ZONES) {
    for (let edge = START - offset * 60_000; edge < START + DAYS * DAY; edge += 2 * 3_600_000) times.push(edge - 60_000, edge, edge + 59_000);
  }
  const mentions = times.map((at, i) => ({
    externalId: `m${i}`,
    author: { handle: `@a${i % 50}`, displayName: 'Reader', audience: 10 + (i % 7), kind: 'public' },
    text: `ACME ${i % 3 === 0 ? 'scandale' : 'nouvelle'} ${i}`,
    language: i % 2 ? 'fr' : 'en',
    publishedAt: new Date(at).toISOString(),
  }));
  for (let i = 0; i < mentions.length; i += 1000) await ingest.ingest('live', sourceId, mentions.slice(i, i + 1000));
  return { ...t, watchId, times, rollups: new RollupRepository(t.db) };
}

const counted = (rows: VolumeBucket[]) => rows.filter((r) => r.count > 0);

describe('buckets of half-hour and 45-minute zones', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });
  const from = Math.floor(START / 60_000);
  const to = from + DAYS * 1440;

  it.each(ZONES.flatMap(([zone, offset]) => [60, 120, 360, 720, 1440, 2880].map((width) => [zone, offset, width] as const)))(
    '%s (+%i min), buckets of %i minutes over 120 days: the same counts as the minute grain',
    (_, offset, width) => {
      for (const [a, b] of [
        [from, to],
        [from + 17, to - 43],
        [from - offset, to - offset],
      ] as const) {
        const mixed = counted(s.rollups.volumeByBuckets(s.watchId, width, a, b, offset));
        expect(mixed).toEqual(counted(s.rollups.volumeByMinutes(s.watchId, width, a, b, offset)));
        expect(mixed.reduce((sum, r) => sum + r.count, 0)).toBe(s.times.filter((t) => t >= a * 60_000 && t < b * 60_000).length);
      }
    },
  );

  it('draws the hours inside a bucket from the hour grain, and the cut ones from the minutes', () => {
    // 01:00 UTC is 06:30 in Kolkata, inside the 00:00–12:00 bucket; 06:00 UTC is cut by its 12:00 edge. A count only
    // the hourly table holds (written past the triggers) shows where the chart reads each hour.
    const inside = Math.floor(START / 3_600_000) + 30 * 24 + 1;
    const cut = inside + 5;
    const service = new DashboardService(s.lookup, { now: () => new Date(START + DAYS * DAY) });
    const total = () =>
      service.series('live', s.watchId, { from: new Date(START + 3 * DAY).toISOString(), to: new Date(START + 83 * DAY).toISOString(), timeZone: 'Asia/Kolkata' }).total;
    const shift = (hour: number, by: number) => s.db.prepare('UPDATE mention_rollups_hourly SET count = count + ? WHERE watch_id = ? AND hour = ?').run(by, s.watchId, hour);
    const before = total();
    shift(inside, 1000);
    shift(cut, 1000);
    expect(total() - before).toBe(1000);
    shift(inside, -1000);
    shift(cut, -1000);
    expect(total()).toBe(before);
  });

  it.each(ZONES)('draws an 80-day period in %s with every mention in its local bucket', (zone) => {
    const service = new DashboardService(s.lookup, { now: () => new Date(START + DAYS * DAY) });
    const series = service.series('live', s.watchId, { from: new Date(START + 3 * DAY).toISOString(), to: new Date(START + 83 * DAY).toISOString(), timeZone: zone });
    expect(series.bucketMinutes).toBe(720);
    const edges = [...series.points.map((p) => Date.parse(p.at)), Date.parse(series.to)];
    const expected = series.points.map((_, i) => s.times.filter((t) => t >= edges[i]! && t < edges[i + 1]!).length);
    expect(series.points.map((p) => p.count)).toEqual(expected);
    expect(series.total).toBe(expected.reduce((a, b) => a + b, 0));
  });
});
