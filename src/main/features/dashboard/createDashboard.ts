// The dashboard feature: volume and tone series, breakdowns and the level strip of a watch.
import type { Clock } from '../../platform/clock';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { DashboardService, type LevelReplay } from './dashboardService';
import { dashboardHandlers } from './handlers';
import type { ShareConfusionLookup } from './dashboardService';

export function createDashboard(deps: {
  store: WorkspaceLookup;
  clock: Clock;
  replayLevels?: LevelReplay;
  shareConfusion?: ShareConfusionLookup;
}): FeatureModule {
  return { handlers: dashboardHandlers(new DashboardService(deps.store, deps.clock, deps.replayLevels, deps.shareConfusion)) };
}
