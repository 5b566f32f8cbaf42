// Dashboard ranges and what the charts receive: bucketed volume with its seasonal band, level spans, markers, splits.
import { z } from 'zod';
import { crisisLevelSchema } from './detection';

export const dashboardRangeSchema = z.enum(['1h', '6h', '24h', '7d', '30d']);
export type DashboardRange = z.infer<typeof dashboardRangeSchema>;
export const DASHBOARD_RANGES: readonly DashboardRange[] = dashboardRangeSchema.options;

/**
 * Width of the range and of one bucket, in minutes. Buckets of an hour or more read the hourly rollups; the
 * others the per-minute ones. About a hundred to three hundred points per chart whatever the range.
 */
export const RANGE_SPECS: Readonly<Record<DashboardRange, { minutes: number; bucketMinutes: number }>> = {
  '1h': { minutes: 60, bucketMinutes: 1 },
  '6h': { minutes: 360, bucketMinutes: 5 },
  '24h': { minutes: 1440, bucketMinutes: 15 },
  '7d': { minutes: 7 * 1440, bucketMinutes: 60 },
  '30d': { minutes: 30 * 1440, bucketMinutes: 360 },
};

/** Longest absolute period the dashboard draws (a bit over a year, in buckets of two days at most). */
export const MAX_PERIOD_DAYS = 400;
/** Bucket widths an absolute period may use, in minutes: each divides a day or is whole days. */
const PERIOD_BUCKETS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880] as const;
const MAX_POINTS = 300;

/** The narrowest bucket that keeps a period of this many minutes within 300 points (about 100 at the least). */
export function bucketMinutesFor(minutes: number): number {
  return PERIOD_BUCKETS.find((b) => minutes / b <= MAX_POINTS) ?? PERIOD_BUCKETS[PERIOD_BUCKETS.length - 1]!;
}

export const volumePointSchema = z.object({
  /** Start of the bucket, UTC ISO. */
  at: z.iso.datetime(),
  count: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
  /**
   * Share of negative among mentions with a tone, 0–1, corrected for the tone classifier's known errors when the
   * workspace has measured them (see the series' `negativeShare`); null when none has a tone.
   */
  negativeShare: z.number().min(0).max(1).nullable(),
  /** Seasonal baseline for this time of day (median and quartiles of the previous days); null without history. */
  baseline: z.object({ low: z.number(), median: z.number(), high: z.number() }).nullable(),
  level: crisisLevelSchema,
});
export type VolumePoint = z.infer<typeof volumePointSchema>;

export const dashboardSeriesSchema = z.object({
  watchId: z.number().int().positive(),
  /** The "last N" range asked for; null for an absolute period. */
  range: dashboardRangeSchema.nullable(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  bucketMinutes: z.number().int().positive(),
  /** Days of history behind the baseline (0 to 7). */
  baselineDays: z.number().int().min(0).max(7),
  points: z.array(volumePointSchema),
  total: z.number().int().nonnegative(),
  /**
   * Negative share of the whole range with its 95 % band (0–1); `corrected`: adjusted for the tone classifier's
   * known errors (else as classified). Null when no mention of the range has a tone.
   */
  negativeShare: z
    .object({ share: z.number().min(0).max(1), low: z.number().min(0).max(1), high: z.number().min(0).max(1), corrected: z.boolean() })
    .nullable(),
  alerts: z.array(z.object({ id: z.number().int(), at: z.iso.datetime(), level: crisisLevelSchema })),
  /**
   * Where the level strip comes from a backtest replay rather than stored live levels: the part of the range
   * before the watch existed (imported or re-matched past mentions), at most the last 31 days of it.
   */
  replayed: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).nullable(),
  statements: z.array(z.object({ id: z.string(), title: z.string(), at: z.iso.datetime(), channels: z.array(z.string()) })),
});
export type DashboardSeries = z.infer<typeof dashboardSeriesSchema>;

const countedSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() });

export const dashboardBreakdownSchema = z.object({
  watchId: z.number().int().positive(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  terms: z.array(z.object({ term: z.string(), count: z.number().int() })),
  authors: z.array(
    z.object({ name: z.string(), handle: z.string().nullable(), audience: z.number().int(), kind: z.string(), mentions: z.number().int() }),
  ),
  /** Authors come from the newest mentions of the range, at most this many. */
  authorsScanLimit: z.number().int().positive(),
  /** By the sources' names as the user gave them. */
  sources: z.array(countedSchema),
  languages: z.array(countedSchema),
});
export type DashboardBreakdown = z.infer<typeof dashboardBreakdownSchema>;
