// The lessons feature: lessons learned recorded against an exercise or an incident.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { lessonsHandlers } from './handlers';
import { LessonsService } from './lessonsService';

export interface LessonsFeature extends FeatureModule {
  readonly service: LessonsService;
}

export function createLessons(deps: { store: WorkspaceStore; events: EventBus; clock: Clock }): LessonsFeature {
  const service = new LessonsService(deps.store, deps.events, deps.clock);
  return { service, handlers: lessonsHandlers(service) };
}
