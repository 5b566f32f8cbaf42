import { describe, expect, it } from 'vitest';
import { MentionWriteRepository, type MentionRow } from '../../../../../../src/main/features/mentions/mentionWriteRepository';
import { RollupDeltas } from '../../../../../../src/main/features/mentions/rollups/rollupDeltas';
import { ROLLUP_SQL, RollupRepository, type PartCount } from '../../../../../../src/main/features/mentions/rollups/rollupRepository';
import { listenDb } from '../../../../../support/listenDb';

const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
const hour = (iso: string) => Math.floor(Date.parse(iso) / 3_600_000);
const H11 = hour('2026-03-10T11:00:00Z');
const H12 = H11 + 1;
const H13 = H11 + 2;
const ALL = minute('2000-01-01T00:00:00Z');

type Sample = Pick<MentionRow, 'publishedAt' | 'toneClass' | 'language' | 'authorAudience'> & { watches: 'A' | 'AB' };

/** Two watches; A holds all six mentions, B the first and the fourth. Hours 11, 12 and 13 of the same day. */
const SAMPLES: Sample[] = [
  { publishedAt: '2026-03-10T11:58:30.000Z', toneClass: 'negative', language: 'fr', authorAudience: 100, watches: 'AB' },
  { publishedAt: '2026-03-10T11:58:50.000Z', toneClass: 'positive', language: 'en', authorAudience: 50, watches: 'A' },
  { publishedAt: '2026-03-10T11:59:10.000Z', toneClass: 'neutral', language: 'fr', authorAudience: null, watches: 'A' },
  { publishedAt: '2026-03-10T12:00:05.000Z', toneClass: 'negative', language: null, authorAudience: 1000, watches: 'AB' },
  { publishedAt: '2026-03-10T12:31:00.000Z', toneClass: null, language: 'fr', authorAudience: 10, watches: 'A' },
  { publishedAt: '2026-03-10T13:02:00.000Z', toneClass: 'positive', language: 'fr', authorAudience: 5, watches: 'A' },
];

/** Stores the samples as ingestion does: mentions, links and rollup deltas in one transaction. */
function setup() {
  const t = listenDb();
  const sourceId = t.addSource('rss', 'Le Temps');
  const a = t.addWatch('ACME', ['acme']);
  const b = t.addWatch('Other', ['other']);
  const writes = new MentionWriteRepository(t.db);
  const rollups = new RollupRepository(t.db);
  const ids: number[] = [];
  writes.inTransaction(() => {
    const deltas = new RollupDeltas();
    SAMPLES.forEach((s, i) => {
      const row: MentionRow = {
        ...s,
        sourceId,
        sourceKind: 'rss',
        externalId: `m${i}`,
        canonicalUrl: null,
        url: null,
        authorHandle: null,
        authorName: null,
        authorKind: 'public',
        sourceName: null,
        title: null,
        text: `mention ${i}`,
        raw: `mention ${i}`,
        fetchedAt: '2026-03-10T14:00:00.000Z',
        likes: null,
        shares: null,
        replies: null,
        replyToExternalId: null,
        toneScore: null,
        agencyTone: null,
        authorVerified: null,
        hashtags: null,
      };
      const watchIds = s.watches === 'AB' ? [a, b] : [a];
      ids.push(writes.insert(row, watchIds)!);
      for (const watchId of watchIds) deltas.add(watchId, row);
    });
    rollups.applyDeltas(deltas.values());
  });
  return { ...t, a, b, rollups, ids, sourceId };
}

const sorted = (parts: PartCount[]) => [...parts].sort((x, y) => `${x.dimension}${x.value}`.localeCompare(`${y.dimension}${y.value}`));

describe('rollups module', () => {
  it('writes one row per watch and minute from the deltas, and reads it at minute grain', () => {
    const { a, b, rollups, sourceId } = setup();
    const m = minute('2026-03-10T11:58:00Z');
    expect(rollups.volumeByMinutes(a, 1, m, m + 70)).toEqual([
      { bucket: m, count: 2, negative: 1, neutral: 0, positive: 1, audience: 150 },
      { bucket: m + 1, count: 1, negative: 0, neutral: 1, positive: 0, audience: 0 },
      { bucket: m + 2, count: 1, negative: 1, neutral: 0, positive: 0, audience: 1000 },
      { bucket: m + 33, count: 1, negative: 0, neutral: 0, positive: 0, audience: 10 },
      { bucket: m + 64, count: 1, negative: 0, neutral: 0, positive: 1, audience: 5 },
    ]);
    expect(rollups.volumeByMinutes(b, 1, m, m + 70)).toEqual([
      { bucket: m, count: 1, negative: 1, neutral: 0, positive: 0, audience: 100 },
      { bucket: m + 2, count: 1, negative: 1, neutral: 0, positive: 0, audience: 1000 },
    ]);
    // Buckets of 5 minutes (detection's), keyed by epoch minutes / 5.
    expect(rollups.volumeByMinutes(a, 5, m, m + 70).map((r) => [r.bucket * 5, r.count])).toEqual([
      [m - 3, 3],
      [m + 2, 1],
      [m + 32, 1],
      [m + 62, 1],
    ]);
    expect(sorted(rollups.partsByMinutes(a, m, m + 3))).toEqual([
      { dimension: 'lang', value: 'en', count: 1 },
      { dimension: 'lang', value: 'fr', count: 2 },
      { dimension: 'lang', value: 'und', count: 1 },
      { dimension: 'source', value: String(sourceId), count: 4 },
    ]);
    expect(rollups.firstMinute(a)).toBe(m);
    expect(rollups.firstMinute(b + 1)).toBeNull();
  });

  it('reads whole hours the same at either grain, and only minute grain cuts a range crossing an hour', () => {
    const { a, rollups, sourceId } = setup();
    const byHours = rollups.volumeByHours(a, 1, H11, H13 + 1);
    expect(byHours).toEqual([
      { bucket: H11, count: 3, negative: 1, neutral: 1, positive: 1, audience: 150 },
      { bucket: H12, count: 2, negative: 1, neutral: 0, positive: 0, audience: 1010 },
      { bucket: H13, count: 1, negative: 0, neutral: 0, positive: 1, audience: 5 },
    ]);
    expect(rollups.volumeByMinutes(a, 60, H11 * 60, (H13 + 1) * 60)).toEqual(byHours);
    // Buckets of 2 hours, keyed by epoch hours / 2 (H11 is odd: its bucket starts an hour before it).
    expect(rollups.volumeByHours(a, 2, H11 - 1, H13 + 1).map((r) => [r.bucket * 2, r.count])).toEqual([
      [H11 - 1, 3],
      [H12, 3],
    ]);

    // 11:59 to 12:31: a minute of hour 11 and the first half of hour 12 (12:31 is the exclusive end).
    const from = minute('2026-03-10T11:59:00Z');
    const to = minute('2026-03-10T12:31:00Z');
    expect(rollups.volumeByMinutes(a, 60, from, to)).toEqual([
      { bucket: H11, count: 1, negative: 0, neutral: 1, positive: 0, audience: 0 },
      { bucket: H12, count: 1, negative: 1, neutral: 0, positive: 0, audience: 1000 },
    ]);
    expect(rollups.totals(a, from, to)).toEqual({ count: 2, negative: 1, neutral: 1, positive: 0, audience: 1000 });
    expect(rollups.totals(a, to + 100, to + 200)).toEqual({ count: 0, negative: 0, neutral: 0, positive: 0, audience: 0 });

    expect(sorted(rollups.partsByHours(a, H11, H13))).toEqual([
      { dimension: 'lang', value: 'en', count: 1 },
      { dimension: 'lang', value: 'fr', count: 3 },
      { dimension: 'lang', value: 'und', count: 1 },
      { dimension: 'source', value: String(sourceId), count: 5 },
    ]);
    expect(sorted(rollups.partsByHours(a, H11, H13))).toEqual(sorted(rollups.partsByMinutes(a, H11 * 60, H13 * 60)));
  });

  it('moves a corrected mention between tone columns at both grains, never changing the count', () => {
    const { a, b, rollups } = setup();
    const m = minute('2026-03-10T11:58:00Z');
    rollups.moveTone(a, SAMPLES[0]!.publishedAt, 'negative', 'positive');
    rollups.moveTone(b, SAMPLES[0]!.publishedAt, 'negative', 'positive');
    // A mention that had no tone only gains one.
    rollups.moveTone(a, SAMPLES[4]!.publishedAt, null, 'negative');
    rollups.moveTone(a, SAMPLES[5]!.publishedAt, 'positive', 'positive');

    expect(rollups.volumeByMinutes(a, 1, m, m + 1)).toEqual([{ bucket: m, count: 2, negative: 0, neutral: 0, positive: 2, audience: 150 }]);
    expect(rollups.volumeByMinutes(b, 1, m, m + 1)).toEqual([{ bucket: m, count: 1, negative: 0, neutral: 0, positive: 1, audience: 100 }]);
    expect(rollups.volumeByHours(a, 1, H11, H13 + 1)).toEqual([
      { bucket: H11, count: 3, negative: 0, neutral: 1, positive: 2, audience: 150 },
      { bucket: H12, count: 2, negative: 2, neutral: 0, positive: 0, audience: 1010 },
      { bucket: H13, count: 1, negative: 0, neutral: 0, positive: 1, audience: 5 },
    ]);
    expect(rollups.volumeByHours(a, 1, H11, H13 + 1)).toEqual(rollups.volumeByMinutes(a, 60, H11 * 60, (H13 + 1) * 60));
  });

  it('rebuilds a watch from its links at both grains, from a given minute on, leaving other watches alone', () => {
    const { db, a, b, rollups, ids, sourceId } = setup();
    const snapshot = () => ({
      minutes: rollups.volumeByMinutes(a, 1, ALL, minute('2027-01-01T00:00:00Z')),
      hours: rollups.volumeByHours(a, 1, H11, H13 + 1),
      // What the dashboard shows: an emptied hour part stays as a zero row (the hourly delete trigger only subtracts).
      parts: sorted(rollups.partsByHours(a, H11, H13 + 1)).filter((p) => p.count > 0),
      other: rollups.volumeByHours(b, 1, H11, H13 + 1),
    });
    const written = snapshot();

    // Counts that drifted from the links (a lost write) are recounted to exactly what ingestion wrote.
    const drift = new RollupDeltas();
    drift.add(a, { publishedAt: '2026-03-10T12:10:00.000Z', toneClass: 'negative', authorAudience: 9, language: 'de', sourceId });
    rollups.applyDeltas(drift.values());
    expect(snapshot()).not.toEqual(written);
    // The recount includes the 12:31 minute, whose only mention has no tone.
    rollups.rebuild(a, ALL);
    expect(snapshot()).toEqual(written);

    // The 12:00 mention leaves watch A: a rebuild from 12:00 takes it out of the minute and the hour.
    db.prepare('DELETE FROM mention_watches WHERE watch_id = ? AND mention_id = ?').run(a, ids[3]);
    rollups.rebuild(a, minute('2026-03-10T12:00:00Z'));
    const after = snapshot();
    expect(after.minutes.map((r) => r.bucket)).toEqual(written.minutes.map((r) => r.bucket).filter((m) => m !== minute(SAMPLES[3]!.publishedAt)));
    expect(after.hours).toEqual([
      written.hours[0],
      { bucket: H12, count: 1, negative: 0, neutral: 0, positive: 0, audience: 10 },
      written.hours[2],
    ]);
    expect(after.parts).not.toContainEqual(expect.objectContaining({ value: 'und' }));
    expect(rollups.partsByHours(a, H12, H13)).toContainEqual({ dimension: 'lang', value: 'und', count: 0 });
    expect(after.other).toEqual(written.other);
  });
});

describe('rollup reads use their primary keys', () => {
  const plan = (sql: string, params: unknown[]) =>
    listenDb()
      .db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');

  it.each([
    ['minuteTotals', [1, 0, 100], /SEARCH mention_rollups USING PRIMARY KEY \(watch_id=\? AND minute>\? AND minute<\?\)/],
    ['dropMinutes', [1, 0], /SEARCH mention_rollups USING PRIMARY KEY \(watch_id=\? AND minute>\?\)/],
    ['dropParts', [1, 0], /SEARCH mention_rollup_parts USING PRIMARY KEY \(watch_id=\? AND minute>\?\)/],
    ['wholeHourVolume', [{ shift: 330, width: 1440, watchId: 1, fromHour: 0, toHour: 10 }], /SEARCH mention_rollups_hourly USING PRIMARY KEY \(watch_id=\? AND hour>\? AND hour<\?\)/],
    // Each cut hour is one range of the key, the pieces the outer loop: never the watch's minutes once per piece.
    ['pieceVolume', [{ shift: 330, width: 1440, watchId: 1, pieces: '[[0,60]]' }], /SCAN piece[^\n]*\nSEARCH r USING PRIMARY KEY \(watch_id=\? AND minute>\? AND minute<\?\)/],
  ] as const)('%s', (name, params, expected) => {
    const detail = plan(ROLLUP_SQL[name], [...params]);
    expect(detail).toMatch(expected);
    expect(detail).not.toMatch(/SCAN (mention_rollups|mention_rollup_parts)\b/);
  });
});
