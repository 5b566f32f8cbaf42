// The workspaces feature: settings of the live and exercise workspaces; sealed mode is recorded in the log.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { Audit } from '../crisisLog';
import { workspaceHandlers } from './handlers';
import { WorkspaceService } from './workspaceService';

export interface WorkspacesFeature extends FeatureModule {
  readonly service: WorkspaceService;
}

export function createWorkspaces(deps: { store: WorkspaceStore; events: EventBus; clock: Clock; audit: Audit }): WorkspacesFeature {
  const service = new WorkspaceService(deps.store, deps.events, deps.clock, (id, changed) => {
    if ('sealed' in changed) deps.audit(id, changed.sealed ? 'sealed.on' : 'sealed.off');
  });
  return { service, handlers: workspaceHandlers(service) };
}
