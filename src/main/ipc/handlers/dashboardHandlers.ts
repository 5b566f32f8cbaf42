// Contract handlers for `dashboard:*`.
import type { DashboardService } from '../../services/dashboard/dashboardService';
import type { HandlersFor } from './types';

export const dashboardHandlers = (dashboard: DashboardService): HandlersFor<'dashboard'> => ({
  'dashboard:series': ({ workspaceId, watchId, range, to }) => dashboard.series(workspaceId, watchId, range, to),
  'dashboard:breakdown': ({ workspaceId, watchId, range, to }) => dashboard.breakdown(workspaceId, watchId, range, to),
});
