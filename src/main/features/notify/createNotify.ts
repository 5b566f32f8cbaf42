// The notify feature: alerts outside the app (company SMTP relay, HTTP gateways), escalation and delivery statuses.
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { DeliveryScheduler } from './deliveryScheduler';
import { DeliveryService, type NotifyDeps, type NotifyTuning } from './deliveryService';
import { notifyHandlers } from './handlers';

export interface NotifyOptions extends Partial<NotifyTuning> {
  /** Beat of the delivery passes in wall-clock ms; 0 leaves passes to the caller. */
  readonly intervalMs?: number;
}

export interface NotifyFeature extends FeatureModule {
  readonly service: DeliveryService;
}

export function createNotify(deps: Omit<NotifyDeps, 'tuning'> & { readonly language: (workspaceId: WorkspaceId) => Language; readonly options?: NotifyOptions }): NotifyFeature {
  const { intervalMs = 5_000, ...tuning } = deps.options ?? {};
  const service = new DeliveryService({ ...deps, tuning });
  deps.network.addOriginProvider((workspaceId) => service.allowedOrigins(workspaceId));
  const scheduler = new DeliveryScheduler(service, deps.events, intervalMs);
  return {
    service,
    handlers: notifyHandlers(service, deps.language),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
