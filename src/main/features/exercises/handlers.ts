// Contract handler for `exercises:create`; running scenarios is in exerciseRunHandlers.
import type { ExerciseService } from './exerciseService';
import type { Handler } from '../../platform/ipc/handlerTypes';

export const exerciseHandlers = (exercises: ExerciseService): { 'exercises:create': Handler<'exercises:create'> } => ({
  'exercises:create': ({ name }) => exercises.create(name),
});
