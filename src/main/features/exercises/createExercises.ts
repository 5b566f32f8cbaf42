// The exercises feature: exercise workspaces apart from live data, scenario scripts played through the real
// ingestion and detection on a game clock, the director's controls and the debrief.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { StatementDetail } from '../../../shared/domain/statement';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import { ExerciseDebriefService, type ExerciseDebriefDeps } from './exerciseDebrief';
import type { IngestService } from '../mentions';
import type { PlanService } from '../plan';
import type { SourceService } from '../sources';
import type { WatchService } from '../watches';
import type { WorkspaceService } from '../workspaces';
import { createExerciseRunner } from './createExerciseRunner';
import type { ExerciseRunner } from './exerciseRunner';
import { ExerciseService } from './exerciseService';
import { exerciseHandlers } from './handlers';
import { exerciseRunHandlers } from './runHandlers';

export interface ExercisesFeature extends FeatureModule {
  readonly service: ExerciseService;
  readonly runner: ExerciseRunner;
}

export function createExercises(deps: {
  store: WorkspaceStore;
  workspaces: WorkspaceService;
  plans: PlanService;
  sources: SourceService;
  watches: WatchService;
  ingest: IngestService;
  crisisLog: CrisisLogService;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  statements: (workspaceId: WorkspaceId) => readonly StatementDetail[];
  alerts: ExerciseDebriefDeps['alerts'];
  incidents: ExerciseDebriefDeps['incidents'];
  lessons: ExerciseDebriefDeps['lessons'];
}): ExercisesFeature {
  const service = new ExerciseService(deps.store, deps.workspaces, deps.plans, deps.events, deps.clock);
  const runner = createExerciseRunner(deps);
  const debriefs = new ExerciseDebriefService({
    store: deps.store,
    runner,
    alerts: deps.alerts,
    incidents: deps.incidents,
    statements: deps.statements,
    lessons: deps.lessons,
    exerciseName: (id) => deps.workspaces.get(id).settings.displayName,
    clock: deps.clock,
  });
  return {
    service,
    runner,
    handlers: { ...exerciseHandlers(service), ...exerciseRunHandlers(runner, debriefs) },
    stop: () => runner.stopAll(),
  };
}
