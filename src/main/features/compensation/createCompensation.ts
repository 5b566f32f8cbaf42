// The compensation feature: customer cases per incident, their approval chain and totals.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { compensationHandlers } from './handlers';
import { CompensationService, type CompensationDeps } from './compensationService';

export interface CompensationFeature extends FeatureModule {
  readonly service: CompensationService;
}

export function createCompensation(deps: CompensationDeps): CompensationFeature {
  const service = new CompensationService(deps);
  return { service, handlers: compensationHandlers(service) };
}
