// The notify feature: alerts outside the app (company SMTP relay, HTTP gateways), escalation and delivery statuses.
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { DeliveryScheduler } from './deliveryScheduler';
import { DeliveryService, type NotifyDeps, type NotifyTuning } from './deliveryService';
import { notifyHandlers } from './handlers';
import { SharedMobilisation } from './sharedMobilisation/sharedMobilisation';

export interface NotifyOptions extends Partial<NotifyTuning> {
  /** Beat of the delivery passes in wall-clock ms; 0 leaves passes to the caller. */
  readonly intervalMs?: number;
}

export interface NotifyFeature extends FeatureModule {
  readonly service: DeliveryService;
  /** The mobilisation domain the cell replicates. */
  readonly shared: SharedMobilisation;
}

export function createNotify(deps: Omit<NotifyDeps, 'tuning'> & { readonly language: (workspaceId: WorkspaceId) => Language; readonly options?: NotifyOptions }): NotifyFeature {
  const { intervalMs = 5_000, ...tuning } = deps.options ?? {};
  const cell: { shared?: SharedMobilisation } = {};
  const service = new DeliveryService({ ...deps, tuning, publish: (workspaceId, draft) => cell.shared?.publish(workspaceId, draft) });
  const shared = new SharedMobilisation(service, deps.events, deps.clock, deps.logger);
  cell.shared = shared;
  deps.network.addOriginProvider((workspaceId) => service.allowedOrigins(workspaceId));
  const scheduler = new DeliveryScheduler(service, deps.events, intervalMs);
  return {
    service,
    shared,
    handlers: notifyHandlers(service, shared, deps.language),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
