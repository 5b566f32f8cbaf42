// The incidents feature: incidents with their roster, mobilisation, handovers and checklists.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { incidentHandlers } from './handlers';
import { IncidentService, type IncidentDeps } from './incidentService';

export interface IncidentsFeature extends FeatureModule {
  readonly service: IncidentService;
}

export function createIncidents(deps: IncidentDeps): IncidentsFeature {
  const service = new IncidentService(deps);
  return { service, handlers: incidentHandlers(service) };
}
