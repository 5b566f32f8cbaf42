// The watches feature: what the cell follows, and the re-matching of stored mentions when a watch changes.
import type { Clock } from '../../platform/clock';
import type { Audit } from '../crisisLog';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { watchesHandlers } from './handlers';
import { WatchService, type SourceUids } from './watchService';

export interface WatchesFeature extends FeatureModule {
  readonly service: WatchService;
}

export function createWatches(deps: { store: WorkspaceLookup; events: EventBus; clock: Clock; logger: Logger; audit: Audit; sourceUids?: SourceUids }): WatchesFeature {
  const service = new WatchService(deps.store, deps.events, deps.clock, deps.logger, deps.audit, deps.sourceUids);
  return { service, handlers: watchesHandlers(service), stop: () => service.stop() };
}
