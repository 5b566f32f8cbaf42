// Dashboard calls: the chart series of one watch over a range, and the splits beside it. Both read rollups.
import { z } from 'zod';
import { call } from './define';
import { dashboardBreakdownSchema, dashboardRangeSchema, dashboardSeriesSchema } from '../domain/dashboard';
import { workspaceIdSchema } from '../domain/workspace';

const rangeInput = z.object({
  workspaceId: workspaceIdSchema,
  watchId: z.number().int().positive(),
  range: dashboardRangeSchema,
  /** End of the range; now when absent. */
  to: z.iso.datetime().optional(),
});

export const dashboardCalls = {
  'dashboard:series': call(rangeInput, dashboardSeriesSchema),
  'dashboard:breakdown': call(rangeInput, dashboardBreakdownSchema),
} as const;
