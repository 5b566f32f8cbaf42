// The lessons feature: lessons learned recorded against an exercise, and the RETEX of each live incident.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { lessonsHandlers } from './handlers';
import { LessonsService } from './lessonsService';
import { RetexService, type RetexDeps } from './retexService';

export interface LessonsFeature extends FeatureModule {
  readonly service: LessonsService;
  readonly retex: RetexService;
}

export function createLessons(deps: RetexDeps): LessonsFeature {
  const service = new LessonsService(deps.store, deps.events, deps.clock);
  const retex = new RetexService(deps);
  return { service, retex, handlers: lessonsHandlers(service, retex) };
}
