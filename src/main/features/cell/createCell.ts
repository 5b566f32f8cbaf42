// The cell feature: this laptop's membership of a crisis cell and the replication engine the shared domains
// will run on (automerge-repo over mutual TLS, stored in the workspace database).
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { SharedDomain } from '../../platform/sync/sharedDomain';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { CellService, type CellTuning } from './cellService';
import { cellHandlers } from './handlers';

export interface CellFeature extends FeatureModule {
  readonly service: CellService;
}

export function createCell(deps: {
  store: WorkspaceStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<CellTuning>;
  /** The domains the cell replicates (the crisis log…). */
  domains?: readonly SharedDomain[];
  /** This core is a relay: it joins cells only, and keeps every member's documents. */
  relay?: boolean;
  /** Whether a workspace is sealed: laptops found on the network are then dialled only if they are members. */
  sealed?: (workspaceId: string) => boolean;
}): CellFeature {
  const service = new CellService(deps.store, deps.events, deps.clock, deps.logger, deps.tuning, deps.domains, deps.relay, deps.sealed);
  return {
    service,
    handlers: cellHandlers(service),
    start: () => void service.resume(),
    stop: () => service.close(),
  };
}
