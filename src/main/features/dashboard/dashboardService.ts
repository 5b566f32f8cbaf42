// The dashboard of one watch: bucketed volume with its seasonal band, negative share, level spans and markers,
// plus the splits beside the charts. Reads rollups only (minute or hourly), never scans raw mentions for charts.
import { CRISIS_LEVELS, type CrisisLevel } from '../../../shared/domain/detection';
import {
  MAX_PERIOD_DAYS,
  RANGE_SPECS,
  bucketMinutesFor,
  type DashboardBreakdown,
  type DashboardRange,
  type DashboardSeries,
  type VolumePoint,
} from '../../../shared/domain/dashboard';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { DashboardRepository, type LevelChange } from './dashboardRepository';
import { RollupRepository, type VolumeBucket } from '../mentions';
import { shownAsWritten } from '../detection';
import { offsetSpans, type OffsetSpan } from '../../../shared/regulatory/zonedTime';
import { bucketIndex, localBucketEdges } from './localBuckets';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { seasonalBand } from './seasonalBand';
import { failure } from '../../platform/i18n/failure';
import { estimateNegativeShare, type NegativeConfusion, type ShareEstimate } from '../tone';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;
const BASELINE_DAYS = 7;
const TOP = 10;
/** Top authors read at most this many of the range's newest mentions: bounded time on a month of a busy watch. */
export const AUTHORS_SCAN_LIMIT = 5000;
/** Counts by source id as counts by the sources' names, largest first (two sources may share a name). */
function bySourceName(counts: readonly { value: string; count: number }[], names: ReadonlyMap<string, string>): { value: string; count: number }[] {
  const byName = new Map<string, number>();
  for (const { value, count } of counts) {
    const name = names.get(value) ?? value;
    byName.set(name, (byName.get(name) ?? 0) + count);
  }
  return [...byName].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Posts read for the terms' written forms: enough to see each top term, bounded so a busy month stays cheap. */
const FORMS_SAMPLE = 500;

interface Window {
  /** Nominal width: a bucket across a daylight-saving change is an hour longer or shorter. */
  bucketMinutes: number;
  fromMinute: number;
  toMinute: number;
  /** Each bucket's first minute, then the last one's end: cut on the reader's wall clock. */
  edges: number[];
  /** The reader's zone offsets from eight days before the range (the baseline's days) to its end. */
  spans: OffsetSpan[];
}

type Counts = Pick<VolumeBucket, 'count' | 'negative' | 'neutral' | 'positive'>;

/** A "last N" range ending at `to` (now when absent), or an absolute period when `from` is given. */
export interface Period {
  range?: DashboardRange;
  from?: string;
  to?: string;
  /** The reader's IANA zone (this laptop's when absent): buckets of several hours are cut at its midnight. */
  timeZone?: string;
}

/** The workspace's measured tone confusion (ToneService.shareConfusion); null while it is not known. */
export type ShareConfusionLookup = (workspaceId: WorkspaceId) => NegativeConfusion | null;

/** The levels a backtest replay goes through over [from, to), in time order (the replay starts calm). */
export type LevelReplay = (workspaceId: WorkspaceId, watchId: number, fromIso: string, toIso: string) => LevelChange[];

/** A replay covers at most what a backtest may: the last 31 days before the watch existed. */
const REPLAY_MAX_MINUTES = 31 * MINUTES_PER_DAY;

const iso = (minute: number) => new Date(minute * MS_PER_MINUTE).toISOString();
const rank = (level: string) => Math.max(0, CRISIS_LEVELS.indexOf(level as CrisisLevel));

function shareOfRange(e: ShareEstimate): DashboardSeries['negativeShare'] {
  return { share: e.share, low: e.low, high: e.high, corrected: e.corrected };
}

export class DashboardService {
  readonly #repo = perWorkspace((ws) => new DashboardRepository(ws.db));
  readonly #rollups = perWorkspace((ws) => new RollupRepository(ws.db));

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly clock: Clock,
    private readonly replay?: LevelReplay,
    private readonly shareConfusion: ShareConfusionLookup = () => null,
  ) {}

  series(workspaceId: WorkspaceId, watchId: number, period: Period): DashboardSeries {
    const ws = this.workspaces.get(workspaceId);
    const repo = this.#repo(ws);
    const rollups = this.#rollups(ws);
    const w = this.#window(period);
    const hourly = this.#hourly(rollups, watchId, w);
    const current = this.#volume(rollups, watchId, w);
    const first = rollups.firstMinute(watchId);
    const fromIso = iso(w.fromMinute);
    const toIso = iso(w.toMinute);
    const spans = repo.alertSpans(watchId, fromIso, toIso);
    const { levels, replayed } = this.#levels(workspaceId, repo, watchId, w);
    // The negative share shown is the one the level reads: corrected for the classifier's known errors when the
    // workspace has measured them.
    const confusion = this.shareConfusion(workspaceId);
    let baselineDays = 0;
    let negative = 0;
    let toned = 0;
    let total = 0;
    const points: VolumePoint[] = [];
    for (let i = 0; i + 1 < w.edges.length; i++) {
      const start = w.edges[i]!;
      const end = w.edges[i + 1]!;
      const counts = current[i]!;
      total += counts.count;
      const past: number[] = [];
      // Buckets of several days have no "same time on previous days" to compare with.
      for (let k = 1; k <= BASELINE_DAYS && w.bucketMinutes <= MINUTES_PER_DAY; k++) {
        const then = sameWallTimeDaysBefore(start, k, w.spans);
        // A day before the watch's first data is unknown, not zero.
        if (first !== null && first <= Math.floor(then / 60) * 60) past.push(hourlyShare(hourly, then, then + end - start));
      }
      baselineDays = Math.max(baselineDays, past.length);
      const bucketToned = counts.negative + counts.neutral + counts.positive;
      negative += counts.negative;
      toned += bucketToned;
      points.push({
        at: iso(start),
        ...counts,
        negativeShare: bucketToned > 0 ? estimateNegativeShare(counts.negative, bucketToned, confusion).share : null,
        baseline: seasonalBand(past),
        level: highestLevel(levels, iso(start), iso(end)),
      });
    }
    return {
      watchId,
      range: period.from === undefined ? (period.range ?? null) : null,
      from: fromIso,
      to: toIso,
      bucketMinutes: w.bucketMinutes,
      baselineDays,
      points,
      total,
      negativeShare: toned > 0 ? shareOfRange(estimateNegativeShare(negative, toned, confusion)) : null,
      alerts: spans
        .filter((s) => s.openedAt >= fromIso)
        .map((s) => ({ id: s.id, at: new Date(s.openedAt).toISOString(), level: s.level as CrisisLevel })),
      replayed,
      statements: repo.publications(fromIso, toIso).map((p) => ({
        id: p.statementId,
        title: p.title,
        at: new Date(p.publishedAt).toISOString(),
        channels: p.channels.split(','),
      })),
    };
  }

  breakdown(workspaceId: WorkspaceId, watchId: number, period: Period): DashboardBreakdown {
    const ws = this.workspaces.get(workspaceId);
    const repo = this.#repo(ws);
    const rollups = this.#rollups(ws);
    const w = this.#window(period);
    const parts = partsOver(rollups, watchId, w.fromMinute, w.toMinute);
    const split = (dimension: string) =>
      [...parts]
        .filter(([key, count]) => key.startsWith(`${dimension}\t`) && count > 0)
        .map(([key, count]) => ({ value: key.slice(dimension.length + 1), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const fromIso = iso(w.fromMinute);
    const toIso = iso(w.toMinute);
    return {
      watchId,
      from: fromIso,
      to: toIso,
      terms: shownAsWritten(
        repo.topTerms(watchId, Math.floor(w.fromMinute / 60), Math.ceil(w.toMinute / 60), TOP),
        repo.recentTexts(watchId, fromIso, toIso, FORMS_SAMPLE),
      ),
      authors: repo.topAuthors(watchId, fromIso, toIso, AUTHORS_SCAN_LIMIT, TOP),
      authorsScanLimit: AUTHORS_SCAN_LIMIT,
      sources: bySourceName(split('source'), repo.sourceNames()),
      languages: split('lang'),
    };
  }

  /**
   * A "last N" range ends with the bucket holding its end (now by default), so the last point fills up live. An
   * absolute period is widened to whole buckets of the width that keeps it within 300 points.
   */
  #window({ range, from, to, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone }: Period): Window {
    let bucketMinutes: number;
    let edges: number[];
    if (from !== undefined && to !== undefined) {
      const start = Date.parse(from);
      const end = Date.parse(to);
      if (!(end > start)) throw failure('INVALID_INPUT', 'dashboard.failures.periodEndsBeforeStart');
      if (end - start > MAX_PERIOD_DAYS * MINUTES_PER_DAY * MS_PER_MINUTE) {
        throw failure('INVALID_INPUT', 'dashboard.failures.periodTooLong', { days: MAX_PERIOD_DAYS });
      }
      bucketMinutes = bucketMinutesFor((end - start) / MS_PER_MINUTE);
      edges = localBucketEdges(Math.floor(start / MS_PER_MINUTE), Math.ceil(end / MS_PER_MINUTE), bucketMinutes, timeZone);
    } else {
      const spec = RANGE_SPECS[range ?? '6h'];
      bucketMinutes = spec.bucketMinutes;
      const after = Math.floor((to ? Date.parse(to) : this.clock.now().getTime()) / MS_PER_MINUTE) + 1;
      edges = localBucketEdges(after - spec.minutes, after, bucketMinutes, timeZone);
      edges = edges.slice(bucketIndex(edges, edges[edges.length - 1]! - spec.minutes));
    }
    const fromMinute = edges[0]!;
    const toMinute = edges[edges.length - 1]!;
    const spans = offsetSpans(fromMinute - (BASELINE_DAYS + 1) * MINUTES_PER_DAY, toMinute, timeZone);
    return { bucketMinutes, fromMinute, toMinute, edges, spans };
  }

  /**
   * Stored live levels from when the watch exists; before that (past mentions imported or re-matched into it) no
   * live detection ran, so those levels are the ones a backtest replay gives.
   */
  #levels(workspaceId: WorkspaceId, repo: DashboardRepository, watchId: number, w: Window): { levels: LevelChange[]; replayed: DashboardSeries['replayed'] } {
    const fromIso = iso(w.fromMinute);
    const toIso = iso(w.toMinute);
    const created = repo.watchCreatedAt(watchId);
    const liveMinute = created === null ? w.fromMinute : Math.ceil(Date.parse(created) / MS_PER_MINUTE);
    if (!this.replay || liveMinute <= w.fromMinute) return { levels: repo.levelChanges(watchId, fromIso, toIso), replayed: null };
    const replayTo = Math.min(liveMinute, w.toMinute);
    const replayFrom = Math.max(w.fromMinute, replayTo - REPLAY_MAX_MINUTES);
    const levels: LevelChange[] = [
      ...(replayFrom > w.fromMinute ? [{ level: 'calm', at: fromIso }] : []),
      { level: 'calm', at: iso(replayFrom) },
      ...this.replay(workspaceId, watchId, iso(replayFrom), iso(replayTo)),
    ];
    if (replayTo < w.toMinute) {
      const stored = repo.levelChanges(watchId, iso(replayTo), toIso);
      if (stored[0]?.at !== undefined && stored[0].at <= iso(replayTo)) stored[0] = { ...stored[0], at: iso(replayTo) };
      else levels.push({ level: 'calm', at: iso(replayTo) });
      levels.push(...stored);
    }
    return { levels, replayed: { from: iso(replayFrom), to: iso(replayTo) } };
  }

  /**
   * Counts of each bucket, one read per stretch of constant offset: buckets of hours come from the hourly rollups,
   * save the hours a +05:30 or +05:45 zone's edges cut, which come from the per-minute ones, as do buckets under an hour.
   */
  #volume(rollups: RollupRepository, watchId: number, w: Window): Counts[] {
    const sums: Counts[] = w.edges.slice(1).map(() => ({ count: 0, negative: 0, neutral: 0, positive: 0 }));
    for (const span of w.spans) {
      const from = Math.max(span.fromMinute, w.fromMinute);
      const to = Math.min(span.toMinute, w.toMinute);
      if (from >= to) continue;
      const shift = span.offsetMinutes;
      for (const row of rollups.volumeByBuckets(watchId, w.bucketMinutes, from, to, shift)) {
        const sum = sums[bucketIndex(w.edges, Math.max(from, row.bucket * w.bucketMinutes - shift))]!;
        sum.count += row.count;
        sum.negative += row.negative;
        sum.neutral += row.neutral;
        sum.positive += row.positive;
      }
    }
    return sums;
  }

  /** Hourly counts from eight days before the range (the baseline's days) to its end, keyed by the hour's first minute. */
  #hourly(rollups: RollupRepository, watchId: number, w: Window): Map<number, number> {
    const fromHour = Math.floor((w.fromMinute - (BASELINE_DAYS + 1) * MINUTES_PER_DAY) / 60);
    const byStart = new Map<number, number>();
    for (const row of rollups.volumeByHours(watchId, 1, fromHour, Math.ceil(w.toMinute / 60))) byStart.set(row.bucket * 60, row.count);
    return byStart;
  }
}

/**
 * Counts by dimension and value over [from, to), keyed "dimension<TAB>value": whole hours from the hourly rollups and
 * only the ragged ends (a +05:30 zone's half hours) from the per-minute ones, so a long period stays a short read.
 */
function partsOver(rollups: RollupRepository, watchId: number, from: number, to: number): Map<string, number> {
  const firstHour = Math.ceil(from / 60);
  const lastHour = Math.floor(to / 60);
  const rows =
    lastHour <= firstHour
      ? rollups.partsByMinutes(watchId, from, to)
      : [
          ...rollups.partsByMinutes(watchId, from, firstHour * 60),
          ...rollups.partsByHours(watchId, firstHour, lastHour),
          ...rollups.partsByMinutes(watchId, lastHour * 60, to),
        ];
  const sums = new Map<string, number>();
  for (const p of rows) sums.set(`${p.dimension}\t${p.value}`, (sums.get(`${p.dimension}\t${p.value}`) ?? 0) + p.count);
  return sums;
}

/** The minute showing the same wall-clock time `days` earlier in the zone, across a daylight-saving change too. */
function sameWallTimeDaysBefore(minute: number, days: number, spans: readonly OffsetSpan[]): number {
  const offsetOf = (m: number) => (spans.find((s) => s.fromMinute <= m && m < s.toMinute) ?? spans[0]!).offsetMinutes;
  const guess = minute - days * MINUTES_PER_DAY;
  return guess + offsetOf(minute) - offsetOf(guess);
}

/**
 * Mentions over [from, to) from the hourly counts, each hour weighted by its overlap: a bucket under an hour takes
 * its share of the hour (a usual level per minute from 7 samples would be noise).
 */
function hourlyShare(hourly: ReadonlyMap<number, number>, from: number, to: number): number {
  let sum = 0;
  for (let hour = Math.floor(from / 60) * 60; hour < to; hour += 60) {
    sum += ((hourly.get(hour) ?? 0) * (Math.min(to, hour + 60) - Math.max(from, hour))) / 60;
  }
  return sum;
}

/** Highest level in force during [fromIso, toIso), from the level changes (time-ordered; the first may predate the range). */
function highestLevel(changes: readonly LevelChange[], fromIso: string, toIso: string): CrisisLevel {
  let best = 0;
  for (let i = 0; i < changes.length; i += 1) {
    const change = changes[i]!;
    if (change.at >= toIso) break;
    const next = changes[i + 1];
    if (next && next.at <= fromIso) continue;
    best = Math.max(best, rank(change.level));
  }
  return CRISIS_LEVELS[best]!;
}
