// Contract handlers for `exercises:create` and `exercises:lastPlayed`; running scenarios is in exerciseRunHandlers.
import type { ExerciseHistory } from './exerciseHistory';
import type { ExerciseService } from './exerciseService';
import type { Handler } from '../../platform/ipc/handlerTypes';

export const exerciseHandlers = (
  exercises: ExerciseService,
  history: ExerciseHistory,
): { 'exercises:create': Handler<'exercises:create'>; 'exercises:lastPlayed': Handler<'exercises:lastPlayed'> } => ({
  'exercises:create': ({ name }) => exercises.create(name),
  'exercises:lastPlayed': () => ({ at: history.lastPlayedAt() }),
});
