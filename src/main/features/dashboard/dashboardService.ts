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
import { offsetAt } from '../../../shared/regulatory/zonedTime';
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
  bucketMinutes: number;
  fromMinute: number;
  toMinute: number;
  /** Minutes the bucket edges sit before UTC's: buckets of several hours start at the reader's midnight. */
  shift: number;
}

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
    // One read of the hourly rollups covers the previous days and, for buckets of hours, the range itself.
    const hourly = this.#hourly(rollups, watchId, w);
    const current = w.bucketMinutes % 60 === 0 ? hourly : this.#minutes(rollups, watchId, w);
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
    for (let start = w.fromMinute; start < w.toMinute; start += w.bucketMinutes) {
      const row = current.get(start);
      const counts = { count: row?.count ?? 0, negative: row?.negative ?? 0, neutral: row?.neutral ?? 0, positive: row?.positive ?? 0 };
      total += counts.count;
      const past: number[] = [];
      // Buckets of several days have no "same time on previous days" to compare with.
      for (let k = 1; k <= BASELINE_DAYS && w.bucketMinutes <= MINUTES_PER_DAY; k++) {
        const then = start - k * MINUTES_PER_DAY;
        // Buckets under an hour take their share of the hour: a usual level per minute from 7 samples would be noise.
        const slot = w.bucketMinutes >= 60 ? then : Math.floor(then / 60) * 60;
        // A day before the watch's first data is unknown, not zero.
        if (first !== null && first <= slot) past.push(((hourly.get(slot)?.count ?? 0) * Math.min(w.bucketMinutes, 60)) / 60);
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
        level: highestLevel(levels, iso(start), iso(start + w.bucketMinutes)),
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
    const parts =
      w.bucketMinutes % 60 === 0
        ? rollups.partsByHours(watchId, w.fromMinute / 60, w.toMinute / 60)
        : rollups.partsByMinutes(watchId, w.fromMinute, w.toMinute);
    const split = (dimension: string) =>
      parts
        .filter((p) => p.dimension === dimension && p.count > 0)
        .map((p) => ({ value: p.value, count: p.count }))
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
  #window({ range, from, to, timeZone }: Period): Window {
    if (from !== undefined && to !== undefined) {
      const start = Date.parse(from);
      const end = Date.parse(to);
      if (!(end > start)) throw failure('INVALID_INPUT', 'dashboard.failures.periodEndsBeforeStart');
      if (end - start > MAX_PERIOD_DAYS * MINUTES_PER_DAY * MS_PER_MINUTE) {
        throw failure('INVALID_INPUT', 'dashboard.failures.periodTooLong', { days: MAX_PERIOD_DAYS });
      }
      const bucketMinutes = bucketMinutesFor((end - start) / MS_PER_MINUTE);
      const shift = shiftFor(bucketMinutes, end, timeZone);
      return {
        bucketMinutes,
        shift,
        fromMinute: Math.floor((start / MS_PER_MINUTE + shift) / bucketMinutes) * bucketMinutes - shift,
        toMinute: Math.ceil((end / MS_PER_MINUTE + shift) / bucketMinutes) * bucketMinutes - shift,
      };
    }
    const { minutes, bucketMinutes } = RANGE_SPECS[range ?? '6h'];
    const end = to ? Date.parse(to) : this.clock.now().getTime();
    const shift = shiftFor(bucketMinutes, end, timeZone);
    const toMinute = (Math.floor((Math.floor(end / MS_PER_MINUTE) + shift) / bucketMinutes) + 1) * bucketMinutes - shift;
    return { bucketMinutes, shift, fromMinute: toMinute - minutes, toMinute };
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

  /** The range's buckets under an hour, keyed by their first minute, from the per-minute rollups. */
  #minutes(rollups: RollupRepository, watchId: number, w: Window): Map<number, VolumeBucket> {
    const byStart = new Map<number, VolumeBucket>();
    for (const row of rollups.volumeByMinutes(watchId, w.bucketMinutes, w.fromMinute, w.toMinute)) byStart.set(row.bucket * w.bucketMinutes, row);
    return byStart;
  }

  /**
   * Hourly rollups from seven days before the range to its end, in buckets of the range's width when that is
   * hours (one hour otherwise), keyed by their first minute.
   */
  #hourly(rollups: RollupRepository, watchId: number, w: Window): Map<number, VolumeBucket> {
    const hours = Math.max(1, w.bucketMinutes / 60);
    const fromHour = Math.floor((w.fromMinute - BASELINE_DAYS * MINUTES_PER_DAY) / 60);
    const toHour = Math.ceil(w.toMinute / 60);
    const byStart = new Map<number, VolumeBucket>();
    const shiftHours = w.shift / 60;
    for (const row of rollups.volumeByHours(watchId, hours, fromHour, toHour, shiftHours)) byStart.set((row.bucket * hours - shiftHours) * 60, row);
    return byStart;
  }
}

/**
 * How far bucket edges move so that buckets longer than an hour start at the reader's midnight (and 06:00, 12:00…):
 * the zone's offset at the range's end, in whole hours since the counts are hourly. Buckets of an hour or less
 * divide every whole-hour offset already.
 */
function shiftFor(bucketMinutes: number, endMs: number, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): number {
  if (bucketMinutes <= 60) return 0;
  return Math.round(offsetAt(endMs, timeZone) / 3_600_000) * 60;
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
