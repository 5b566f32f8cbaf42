// Contract handlers for `dashboard:*`.
import type { DashboardService } from './dashboardService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const dashboardHandlers = (dashboard: DashboardService): HandlersFor<'dashboard'> => ({
  'dashboard:series': ({ workspaceId, watchId, ...period }) => dashboard.series(workspaceId, watchId, period),
  'dashboard:breakdown': ({ workspaceId, watchId, ...period }) => dashboard.breakdown(workspaceId, watchId, period),
});
