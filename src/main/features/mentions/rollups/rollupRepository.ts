// Every SQL statement on the rollup tables that charts, detection and reports read instead of raw mentions:
// the deltas ingestion writes, the tone move of a correction, the rebuild of a re-matched watch, and the reads.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ToneClass } from '../../../../shared/domain/storedMention';
import type { Db } from '../../../platform/db/openDatabase';
import { minuteOf, type RollupDelta } from './rollupDeltas';

const PUBLISHED_MINUTE = "CAST(strftime('%s', m.published_at) AS INTEGER) / 60";

/** Exported so the index-use tests explain exactly what runs. */
export const ROLLUP_SQL = {
  addMinute: `INSERT INTO mention_rollups (watch_id, minute, count, negative, neutral, positive, audience) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (watch_id, minute) DO UPDATE SET count = count + excluded.count, negative = negative + excluded.negative,
         neutral = neutral + excluded.neutral, positive = positive + excluded.positive, audience = audience + excluded.audience`,
  addPart: `INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (watch_id, minute, dimension, value) DO UPDATE SET count = count + excluded.count`,
  dropMinutes: 'DELETE FROM mention_rollups WHERE watch_id = ? AND minute >= ?',
  dropParts: 'DELETE FROM mention_rollup_parts WHERE watch_id = ? AND minute >= ?',
  // IS, not =: a minute whose mentions all lack a tone (languages without a lexicon) counts 0, not NULL.
  rebuildMinutes: `INSERT INTO mention_rollups (watch_id, minute, count, negative, neutral, positive, audience)
       SELECT @watchId, ${PUBLISHED_MINUTE} AS minute, count(*), sum(m.tone_class IS 'negative'),
              sum(m.tone_class IS 'neutral'), sum(m.tone_class IS 'positive'), coalesce(sum(m.author_audience), 0)
       FROM mention_watches w JOIN mentions m ON m.id = w.mention_id
       WHERE w.watch_id = @watchId AND m.published_at >= @fromIso GROUP BY minute`,
  rebuildParts: `INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count)
       SELECT @watchId, minute, dimension, value, count(*) FROM (
         SELECT ${PUBLISHED_MINUTE} AS minute, 'lang' AS dimension, coalesce(m.language, 'und') AS value
         FROM mention_watches w JOIN mentions m ON m.id = w.mention_id WHERE w.watch_id = @watchId AND m.published_at >= @fromIso
         UNION ALL
         SELECT ${PUBLISHED_MINUTE}, 'source', CAST(m.source_id AS TEXT)
         FROM mention_watches w JOIN mentions m ON m.id = w.mention_id WHERE w.watch_id = @watchId AND m.published_at >= @fromIso)
       GROUP BY minute, dimension, value`,
  // Integer division (the width is cast: JS numbers bind as REAL) groups minutes (or hours) into buckets of the
  // requested width in one pass over the primary key.
  minuteVolume: `SELECT (minute + CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS bucket, sum(count) AS count, sum(negative) AS negative, sum(neutral) AS neutral,
         sum(positive) AS positive, sum(audience) AS audience
       FROM mention_rollups WHERE watch_id = ? AND minute >= ? AND minute < ? GROUP BY bucket ORDER BY bucket`,
  hourVolume: `SELECT (hour + CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS bucket, sum(count) AS count, sum(negative) AS negative, sum(neutral) AS neutral,
         sum(positive) AS positive, sum(audience) AS audience
       FROM mention_rollups_hourly WHERE watch_id = ? AND hour >= ? AND hour < ? GROUP BY bucket ORDER BY bucket`,
  // Hours wholly inside a bucket whose edges fall inside hours (a +05:30 or +05:45 zone), grouped by that bucket.
  wholeHourVolume: `SELECT (hour * 60 + CAST(@shift AS INTEGER)) / CAST(@width AS INTEGER) AS bucket, sum(count) AS count,
         sum(negative) AS negative, sum(neutral) AS neutral, sum(positive) AS positive, sum(audience) AS audience
       FROM mention_rollups_hourly WHERE watch_id = @watchId AND hour >= @fromHour AND hour < @toHour
         AND (hour * 60 + CAST(@shift AS INTEGER)) % CAST(@width AS INTEGER) <= CAST(@width AS INTEGER) - 60
       GROUP BY bucket`,
  // The minutes of the hours cut by a bucket edge, each piece [from, to) one primary-key range (CROSS JOIN keeps the
  // pieces as the outer loop, so SQLite does not scan the watch's minutes once per piece).
  pieceVolume: `SELECT (r.minute + CAST(@shift AS INTEGER)) / CAST(@width AS INTEGER) AS bucket, sum(r.count) AS count,
         sum(r.negative) AS negative, sum(r.neutral) AS neutral, sum(r.positive) AS positive, sum(r.audience) AS audience
       FROM json_each(@pieces) AS piece
       CROSS JOIN mention_rollups AS r ON r.watch_id = @watchId AND r.minute >= piece.value ->> 0 AND r.minute < piece.value ->> 1
       GROUP BY bucket`,
  minuteTotals: `SELECT sum(count) AS count, sum(negative) AS negative, sum(neutral) AS neutral, sum(positive) AS positive, sum(audience) AS audience
       FROM mention_rollups WHERE watch_id = ? AND minute >= ? AND minute < ?`,
  minuteParts: `SELECT dimension, value, sum(count) AS count FROM mention_rollup_parts
       WHERE watch_id = ? AND minute >= ? AND minute < ? GROUP BY dimension, value`,
  hourParts: `SELECT dimension, value, sum(count) AS count FROM mention_rollup_parts_hourly
       WHERE watch_id = ? AND hour >= ? AND hour < ? GROUP BY dimension, value`,
  firstMinute: 'SELECT min(minute) AS minute FROM mention_rollups WHERE watch_id = ?',
} as const;

/** The tone column names are the tone classes; a correction never takes a column below zero. */
const shiftTone = (tone: ToneClass, sign: '+' | '-') =>
  `UPDATE mention_rollups SET ${tone} = max(0, ${tone} ${sign} 1) WHERE watch_id = ? AND minute = ?`;

export interface RollupCounts {
  count: number;
  negative: number;
  neutral: number;
  positive: number;
  audience: number;
}

/** Counts of one bucket: bucket = minute (or hour) / bucket width, so bucket × width is its first minute (or hour). */
export interface VolumeBucket extends RollupCounts {
  bucket: number;
}

export interface PartCount {
  dimension: string;
  value: string;
  count: number;
}

type ShiftedRange = [shift: number, width: number, watchId: number, from: number, to: number];
type WholeHours = { shift: number; width: number; watchId: number; fromHour: number; toHour: number };
type Pieces = { shift: number; width: number; watchId: number; pieces: string };
type Span = [watchId: number, from: number, to: number];
type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * Two grains of the same counts, per watch:
 * - minute grain, `mention_rollups` (count, tone columns, audience) and `mention_rollup_parts` (counts by language
 *   and by source id), minute = unix epoch minutes of published_at (migration 0002). Written here only, save
 *   the incident archive, which copies the minute rows of its window out and back table by table.
 * - hour grain, `mention_rollups_hourly` and `mention_rollup_parts_hourly`, hour = minute / 60 (migration 0008),
 *   never written here: AFTER INSERT/UPDATE/DELETE triggers on the minute tables add the new row's counts to its
 *   hour and take the old row's away, inside the same transaction, so every write below keeps them exact. A
 *   delete only subtracts, so an emptied hour stays as a row of zeros (the dashboard drops zero parts); a deleted
 *   watch loses its hourly rows by cascade.
 *
 * Hour grain is read for buckets of whole hours: the dashboard's 7-day and 30-day ranges and long periods, its
 * splits for them, the 7-day seasonal baseline of every range, and the report's hourly series. A month then reads
 * hundreds of rows, not tens of thousands (`npm run bench:dashboard` measures both). Where a bucket's edges fall
 * inside hours (a +05:30 or +05:45 zone, a report window starting at 10:20), only the hours an edge cuts are read
 * at minute grain (`npm run bench:zones`). Minute grain alone is read for buckets under an hour (the 1h/6h/24h
 * ranges, detection's 5-minute buckets, the per-minute series of `mentions:rollups`) and for the reaction windows
 * around a publication.
 */
export class RollupRepository {
  readonly #db: Db;
  readonly #addMinute;
  readonly #addPart;
  readonly #dropMinutes;
  readonly #dropParts;
  readonly #rebuildMinutes;
  readonly #rebuildParts;
  readonly #prunedBefore;
  readonly #tone: Record<ToneClass, { add: Statement<[number, number]>; remove: Statement<[number, number]> }>;
  readonly #minuteVolume;
  readonly #hourVolume;
  readonly #wholeHourVolume;
  readonly #pieceVolume;
  readonly #minuteTotals;
  readonly #minuteParts;
  readonly #hourParts;
  readonly #firstMinute;

  constructor(db: Db) {
    this.#db = db;
    this.#addMinute = db.prepare<[number, number, number, number, number, number, number]>(ROLLUP_SQL.addMinute);
    this.#addPart = db.prepare<[number, number, string, string, number]>(ROLLUP_SQL.addPart);
    this.#dropMinutes = db.prepare<[number, number]>(ROLLUP_SQL.dropMinutes);
    this.#dropParts = db.prepare<[number, number]>(ROLLUP_SQL.dropParts);
    this.#rebuildMinutes = db.prepare<[{ watchId: number; fromIso: string }]>(ROLLUP_SQL.rebuildMinutes);
    this.#rebuildParts = db.prepare<[{ watchId: number; fromIso: string }]>(ROLLUP_SQL.rebuildParts);
    this.#prunedBefore = db.prepare<[], string>('SELECT pruned_before FROM mention_retention WHERE id = 1').pluck();
    const tone = (t: ToneClass) => ({
      add: db.prepare<[number, number]>(shiftTone(t, '+')),
      remove: db.prepare<[number, number]>(shiftTone(t, '-')),
    });
    this.#tone = { negative: tone('negative'), neutral: tone('neutral'), positive: tone('positive') };
    this.#minuteVolume = db.prepare<ShiftedRange, VolumeBucket>(ROLLUP_SQL.minuteVolume);
    this.#hourVolume = db.prepare<ShiftedRange, VolumeBucket>(ROLLUP_SQL.hourVolume);
    this.#wholeHourVolume = db.prepare<[WholeHours], VolumeBucket>(ROLLUP_SQL.wholeHourVolume);
    this.#pieceVolume = db.prepare<[Pieces], VolumeBucket>(ROLLUP_SQL.pieceVolume);
    this.#minuteTotals = db.prepare<Span, Nullable<RollupCounts>>(ROLLUP_SQL.minuteTotals);
    this.#minuteParts = db.prepare<Span, PartCount>(ROLLUP_SQL.minuteParts);
    this.#hourParts = db.prepare<Span, PartCount>(ROLLUP_SQL.hourParts);
    this.#firstMinute = db.prepare<[number], { minute: number | null }>(ROLLUP_SQL.firstMinute);
  }

  /** Adds a batch's deltas; the caller's transaction makes them land with the mentions they count. */
  applyDeltas(deltas: Iterable<RollupDelta>): void {
    for (const d of deltas) {
      this.#addMinute.run(d.watchId, d.minute, d.count, d.negative, d.neutral, d.positive, d.audience);
      for (const [key, count] of d.parts) {
        const tab = key.indexOf('\t');
        this.#addPart.run(d.watchId, d.minute, key.slice(0, tab), key.slice(tab + 1), count);
      }
    }
  }

  /** Moves a mention published at `publishedAt` from its previous tone column (if any) to `next` in the watch's minute. */
  moveTone(watchId: number, publishedAt: string, previous: ToneClass | null, next: ToneClass): void {
    if (previous === next) return;
    const minute = minuteOf(publishedAt);
    if (previous) this.#tone[previous].remove.run(watchId, minute);
    this.#tone[next].add.run(watchId, minute);
  }

  /**
   * Recounts the watch's rollups from `fromMinute` on from its current mention links; never before the retention
   * horizon, whose older rollups count mentions no longer stored.
   */
  rebuild(watchId: number, fromMinute: number): void {
    this.#db.transaction(() => {
      const prunedBefore = this.#prunedBefore.get();
      const from = prunedBefore ? Math.max(fromMinute, Math.ceil(Date.parse(prunedBefore) / 60_000)) : fromMinute;
      const fromIso = new Date(from * 60_000).toISOString();
      this.#dropMinutes.run(watchId, from);
      this.#dropParts.run(watchId, from);
      this.#rebuildMinutes.run({ watchId, fromIso });
      this.#rebuildParts.run({ watchId, fromIso });
    })();
  }

  /**
   * Buckets of `bucketMinutes` over [fromMinute, toMinute) from the minute grain, in order; empty buckets are absent.
   * Bucket k starts at minute k × bucketMinutes − shiftMinutes (a zone's midnight, +05:30 included).
   */
  volumeByMinutes(watchId: number, bucketMinutes: number, fromMinute: number, toMinute: number, shiftMinutes = 0): VolumeBucket[] {
    return this.#minuteVolume.all(shiftMinutes, bucketMinutes, watchId, fromMinute, toMinute);
  }

  /**
   * Buckets of `bucketHours` over [fromHour, toHour) from the hour grain, in order; bucket k starts at hour
   * k × bucketHours − shiftHours, so buckets can start at a zone's midnight rather than UTC's.
   */
  volumeByHours(watchId: number, bucketHours: number, fromHour: number, toHour: number, shiftHours = 0): VolumeBucket[] {
    return this.#hourVolume.all(shiftHours, bucketHours, watchId, fromHour, toHour);
  }

  /**
   * Buckets of `bucketMinutes` over [fromMinute, toMinute), bucket k starting at minute k × bucketMinutes − shiftMinutes,
   * read from the coarsest grain that counts them exactly: hours alone when every edge is on an hour; for buckets of
   * whole hours whose edges fall inside hours (a +05:30 or +05:45 zone, a window starting at 10:20), the hours wholly
   * inside a bucket from the hour grain and only the hours an edge cuts from the minute grain; minutes alone for
   * buckets under an hour. In order; empty buckets are absent.
   */
  volumeByBuckets(watchId: number, bucketMinutes: number, fromMinute: number, toMinute: number, shiftMinutes = 0): VolumeBucket[] {
    if (bucketMinutes % 60 !== 0) return this.volumeByMinutes(watchId, bucketMinutes, fromMinute, toMinute, shiftMinutes);
    if ([shiftMinutes, fromMinute, toMinute].every((m) => m % 60 === 0)) {
      return this.volumeByHours(watchId, bucketMinutes / 60, fromMinute / 60, toMinute / 60, shiftMinutes / 60);
    }
    const fromHour = Math.ceil(fromMinute / 60);
    const toHour = Math.floor(toMinute / 60);
    if (toHour <= fromHour) return this.volumeByMinutes(watchId, bucketMinutes, fromMinute, toMinute, shiftMinutes);
    const pieces = cutHours(bucketMinutes, fromMinute, toMinute, shiftMinutes);
    const sums = new Map<number, VolumeBucket>();
    const add = (row: VolumeBucket) => {
      const sum = sums.get(row.bucket);
      if (!sum) sums.set(row.bucket, { ...row });
      else for (const k of ['count', 'negative', 'neutral', 'positive', 'audience'] as const) sum[k] += row[k];
    };
    const shifted = { shift: shiftMinutes, width: bucketMinutes, watchId };
    for (const row of this.#wholeHourVolume.all({ ...shifted, fromHour, toHour })) add(row);
    for (const row of this.#pieceVolume.all({ ...shifted, pieces: JSON.stringify(pieces) })) add(row);
    return [...sums.values()].sort((a, b) => a.bucket - b.bucket);
  }

  /** Sums over [fromMinute, toMinute) from the minute grain; zeros when nothing was counted. */
  totals(watchId: number, fromMinute: number, toMinute: number): RollupCounts {
    const row = this.#minuteTotals.get(watchId, fromMinute, toMinute);
    return {
      count: row?.count ?? 0,
      negative: row?.negative ?? 0,
      neutral: row?.neutral ?? 0,
      positive: row?.positive ?? 0,
      audience: row?.audience ?? 0,
    };
  }

  /** Counts by language ('lang') and source id ('source') over [fromMinute, toMinute). */
  partsByMinutes(watchId: number, fromMinute: number, toMinute: number): PartCount[] {
    return this.#minuteParts.all(watchId, fromMinute, toMinute);
  }

  /** Counts by language and source id over [fromHour, toHour); an emptied hour may give a zero count. */
  partsByHours(watchId: number, fromHour: number, toHour: number): PartCount[] {
    return this.#hourParts.all(watchId, fromHour, toHour);
  }

  /** First minute with data, so a baseline never counts days before the watch existed as zeros. */
  firstMinute(watchId: number): number | null {
    return this.#firstMinute.get(watchId)?.minute ?? null;
  }
}

/**
 * The minute ranges `volumeByBuckets` reads at minute grain: the ragged ends of [from, to) and each hour a bucket edge
 * falls inside, so the rest of the range is hours each wholly inside one bucket.
 */
function cutHours(width: number, from: number, to: number, shift: number): [number, number][] {
  const fromHour = Math.ceil(from / 60);
  const toHour = Math.floor(to / 60);
  const pieces: [number, number][] = [];
  if (from < fromHour * 60) pieces.push([from, fromHour * 60]);
  const firstEdge = Math.ceil((fromHour * 60 + shift) / width) * width - shift;
  for (let edge = firstEdge; edge < toHour * 60; edge += width) {
    const hour = Math.floor(edge / 60);
    if (edge % 60 !== 0) pieces.push([hour * 60, hour * 60 + 60]);
  }
  if (toHour * 60 < to) pieces.push([toHour * 60, to]);
  return pieces;
}
