// Dashboard calls: the chart series of one watch over a range, and the splits beside it. Both read rollups.
import { z } from 'zod';
import { call } from './define';
import { timeZoneSchema } from './reports';
import { dashboardBreakdownSchema, dashboardRangeSchema, dashboardSeriesSchema } from '../domain/dashboard';
import { workspaceIdSchema } from '../domain/workspace';

const rangeInput = z
  .object({
    workspaceId: workspaceIdSchema,
    watchId: z.number().int().positive(),
    /** A "last N" range ending at `to` (now when absent); ignored when `from` is given. */
    range: dashboardRangeSchema.optional(),
    /** Start of an absolute period [from, to), any length up to MAX_PERIOD_DAYS; needs `to`. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** The reader's zone: buckets of several hours start at its midnight. */
    timeZone: timeZoneSchema.optional(),
  })
  .refine((v) => v.from === undefined || v.to !== undefined, { path: ['to'], message: 'An absolute period needs its end.', params: { wording: 'platform.validation.periodNeedsEnd' } })
  .refine((v) => v.from !== undefined || v.range !== undefined, { path: ['range'], message: 'Give a range or a period.', params: { wording: 'platform.validation.rangeOrPeriod' } });

export const dashboardCalls = {
  'dashboard:series': call(rangeInput, dashboardSeriesSchema),
  'dashboard:breakdown': call(rangeInput, dashboardBreakdownSchema),
} as const;
