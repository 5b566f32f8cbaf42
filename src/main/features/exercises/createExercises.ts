// The exercises feature: exercise workspaces apart from live data, scenario scripts played through the real
// ingestion and detection on a game clock, the director's controls and the debrief.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { ExerciseDebriefService, type ExerciseDebriefDeps } from './exerciseDebrief';
import type { PlanService } from '../plan';
import { createExerciseRunner, type ExerciseRunnerDeps } from './createExerciseRunner';
import type { ExerciseRunner } from './exerciseRunner';
import { ExerciseService } from './exerciseService';
import { ExerciseHistory } from './exerciseHistory';
import { exerciseHandlers } from './handlers';
import { exerciseRunHandlers } from './runHandlers';

export interface ExercisesFeature extends FeatureModule {
  readonly service: ExerciseService;
  readonly runner: ExerciseRunner;
}

export function createExercises(deps: ExerciseRunnerDeps & {
  plans: PlanService;
  alerts: ExerciseDebriefDeps['alerts'];
  incidents: ExerciseDebriefDeps['incidents'];
  lessons: ExerciseDebriefDeps['lessons'];
  clocks: ExerciseDebriefDeps['clocks'];
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
    clocks: deps.clocks,
    exerciseName: (id) => deps.workspaces.get(id).settings.displayName,
    clock: deps.clock,
  });
  return {
    service,
    runner,
    handlers: { ...exerciseHandlers(service, new ExerciseHistory(deps.store)), ...exerciseRunHandlers(runner, debriefs) },
    stop: () => runner.stopAll(),
  };
}
