// The plan feature: the cell's crisis plan per workspace (the shipped sample until the cell edits it).
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { loadDefaultPlan } from './defaultPlan';
import { planHandlers } from './handlers';
import { PlanService, type FirstPlan } from './planService';

export interface PlanFeature extends FeatureModule {
  readonly service: PlanService;
}

export function createPlan(deps: { store: WorkspaceStore; events: EventBus; clock: Clock; logger: Pick<Logger, 'warn'>; firstPlan?: FirstPlan }): PlanFeature {
  const service = new PlanService(deps.store, deps.events, deps.clock, loadDefaultPlan, deps.firstPlan, deps.logger);
  return { service, handlers: planHandlers(service) };
}
