// The crisis log feature: the chained main courante of each workspace, and the audit trail written into it.
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { crisisLogAudit, type Audit } from './audit';
import { CrisisLogService } from './crisisLogService';
import { crisisLogHandlers } from './handlers';

export interface CrisisLogFeature extends FeatureModule {
  readonly service: CrisisLogService;
  readonly audit: Audit;
}

export function createCrisisLog(deps: {
  store: WorkspaceStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** System entries are stored in the workspace's report language. */
  reportLanguage: (workspaceId: WorkspaceId) => Language;
}): CrisisLogFeature {
  const service = new CrisisLogService(
    deps.store,
    deps.events,
    deps.clock,
    deps.reportLanguage,
    (error) => deps.logger.error('crisis log anchor not written', { error: String(error) }),
    deps.logger,
  );
  return {
    service,
    audit: crisisLogAudit(service),
    handlers: crisisLogHandlers(service),
    // The anchors of the last appends are written before the databases close.
    stop: () => {
      try {
        service.flushAnchors();
      } catch (error) {
        deps.logger.error('crisis log anchor not written', { error: String(error) });
      }
    },
  };
}
