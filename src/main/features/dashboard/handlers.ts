// Contract handlers for `dashboard:*`.
import type { DashboardService } from './dashboardService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const dashboardHandlers = (dashboard: DashboardService): HandlersFor<'dashboard'> => ({
  'dashboard:series': ({ workspaceId, watchId, range, to }) => dashboard.series(workspaceId, watchId, range, to),
  'dashboard:breakdown': ({ workspaceId, watchId, range, to }) => dashboard.breakdown(workspaceId, watchId, range, to),
});
