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

export const volumePointSchema = z.object({
  /** Start of the bucket, UTC ISO. */
  at: z.iso.datetime(),
  count: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
  /** Share of negative among mentions with a tone, 0–1; null when none has a tone. */
  negativeShare: z.number().min(0).max(1).nullable(),
  /** Seasonal baseline for this time of day (median and quartiles of the previous days); null without history. */
  baseline: z.object({ low: z.number(), median: z.number(), high: z.number() }).nullable(),
  level: crisisLevelSchema,
});
export type VolumePoint = z.infer<typeof volumePointSchema>;

export const dashboardSeriesSchema = z.object({
  watchId: z.number().int().positive(),
  range: dashboardRangeSchema,
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  bucketMinutes: z.number().int().positive(),
  /** Days of history behind the baseline (0 to 7). */
  baselineDays: z.number().int().min(0).max(7),
  points: z.array(volumePointSchema),
  total: z.number().int().nonnegative(),
  alerts: z.array(z.object({ id: z.number().int(), at: z.iso.datetime(), level: crisisLevelSchema })),
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
  sources: z.array(countedSchema),
  languages: z.array(countedSchema),
});
export type DashboardBreakdown = z.infer<typeof dashboardBreakdownSchema>;
