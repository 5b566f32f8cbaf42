// The press feature: journalists' inquiries per incident, with their deadlines and answers.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { pressHandlers } from './handlers';
import { PressService, type PressDeps } from './pressService';

export interface PressFeature extends FeatureModule {
  readonly service: PressService;
}

export function createPress(deps: PressDeps): PressFeature {
  const service = new PressService(deps);
  return { service, handlers: pressHandlers(service) };
}
