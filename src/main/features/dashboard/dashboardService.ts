// The dashboard of one watch: bucketed volume with its seasonal band, negative share, level spans and markers,
// plus the splits beside the charts. Reads rollups only (minute or hourly), never scans raw mentions for charts.
import { CRISIS_LEVELS, type CrisisLevel } from '../../../shared/domain/detection';
import {
  RANGE_SPECS,
  type DashboardBreakdown,
  type DashboardRange,
  type DashboardSeries,
  type VolumePoint,
} from '../../../shared/domain/dashboard';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { DashboardRepository, type LevelChange } from './dashboardRepository';
import { RollupRepository, type VolumeBucket } from '../mentions';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { seasonalBand } from './seasonalBand';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;
const BASELINE_DAYS = 7;
const TOP = 10;
/** Top authors read at most this many of the range's newest mentions: bounded time on a month of a busy watch. */
export const AUTHORS_SCAN_LIMIT = 5000;

interface Window {
  bucketMinutes: number;
  fromMinute: number;
  toMinute: number;
}

const iso = (minute: number) => new Date(minute * MS_PER_MINUTE).toISOString();
const rank = (level: string) => Math.max(0, CRISIS_LEVELS.indexOf(level as CrisisLevel));

export class DashboardService {
  readonly #repo = perWorkspace((ws) => new DashboardRepository(ws.db));
  readonly #rollups = perWorkspace((ws) => new RollupRepository(ws.db));

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly clock: Clock,
  ) {}

  series(workspaceId: WorkspaceId, watchId: number, range: DashboardRange, to?: string): DashboardSeries {
    const ws = this.workspaces.get(workspaceId);
    const repo = this.#repo(ws);
    const rollups = this.#rollups(ws);
    const w = this.#window(range, to);
    // One read of the hourly rollups covers the previous days and, for buckets of hours, the range itself.
    const hourly = this.#hourly(rollups, watchId, w);
    const current = w.bucketMinutes % 60 === 0 ? hourly : this.#minutes(rollups, watchId, w);
    const first = rollups.firstMinute(watchId);
    const fromIso = iso(w.fromMinute);
    const toIso = iso(w.toMinute);
    const spans = repo.alertSpans(watchId, fromIso, toIso);
    const levels = repo.levelChanges(watchId, fromIso, toIso);
    let baselineDays = 0;
    let total = 0;
    const points: VolumePoint[] = [];
    for (let start = w.fromMinute; start < w.toMinute; start += w.bucketMinutes) {
      const row = current.get(start);
      const counts = { count: row?.count ?? 0, negative: row?.negative ?? 0, neutral: row?.neutral ?? 0, positive: row?.positive ?? 0 };
      total += counts.count;
      const past: number[] = [];
      for (let k = 1; k <= BASELINE_DAYS; k++) {
        const then = start - k * MINUTES_PER_DAY;
        // Buckets under an hour take their share of the hour: a usual level per minute from 7 samples would be noise.
        const slot = w.bucketMinutes >= 60 ? then : Math.floor(then / 60) * 60;
        // A day before the watch's first data is unknown, not zero.
        if (first !== null && first <= slot) past.push(((hourly.get(slot)?.count ?? 0) * Math.min(w.bucketMinutes, 60)) / 60);
      }
      baselineDays = Math.max(baselineDays, past.length);
      const toned = counts.negative + counts.neutral + counts.positive;
      points.push({
        at: iso(start),
        ...counts,
        negativeShare: toned > 0 ? counts.negative / toned : null,
        baseline: seasonalBand(past),
        level: highestLevel(levels, iso(start), iso(start + w.bucketMinutes)),
      });
    }
    return {
      watchId,
      range,
      from: fromIso,
      to: toIso,
      bucketMinutes: w.bucketMinutes,
      baselineDays,
      points,
      total,
      alerts: spans
        .filter((s) => s.openedAt >= fromIso)
        .map((s) => ({ id: s.id, at: new Date(s.openedAt).toISOString(), level: s.level as CrisisLevel })),
      statements: repo.publications(fromIso, toIso).map((p) => ({
        id: p.statementId,
        title: p.title,
        at: new Date(p.publishedAt).toISOString(),
        channels: p.channels.split(','),
      })),
    };
  }

  breakdown(workspaceId: WorkspaceId, watchId: number, range: DashboardRange, to?: string): DashboardBreakdown {
    const ws = this.workspaces.get(workspaceId);
    const repo = this.#repo(ws);
    const rollups = this.#rollups(ws);
    const w = this.#window(range, to);
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
      terms: repo.topTerms(watchId, Math.floor(w.fromMinute / 60), Math.ceil(w.toMinute / 60), TOP),
      authors: repo.topAuthors(watchId, fromIso, toIso, AUTHORS_SCAN_LIMIT, TOP),
      authorsScanLimit: AUTHORS_SCAN_LIMIT,
      sources: split('source'),
      languages: split('lang'),
    };
  }

  /** The range ends with the bucket holding "now", so the last point fills up live. */
  #window(range: DashboardRange, to?: string): Window {
    const { minutes, bucketMinutes } = RANGE_SPECS[range];
    const end = to ? Date.parse(to) : this.clock.now().getTime();
    const toMinute = (Math.floor(Math.floor(end / MS_PER_MINUTE) / bucketMinutes) + 1) * bucketMinutes;
    return { bucketMinutes, fromMinute: toMinute - minutes, toMinute };
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
    for (const row of rollups.volumeByHours(watchId, hours, fromHour, toHour)) byStart.set(row.bucket * hours * 60, row);
    return byStart;
  }
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
