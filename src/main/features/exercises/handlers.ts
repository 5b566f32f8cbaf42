// Contract handler for `exercise:create`; running scenarios is in exerciseRunHandlers.
import type { ExerciseService } from './exerciseService';
import type { Handler } from '../../platform/ipc/handlerTypes';

export const exerciseHandlers = (exercises: ExerciseService): { 'exercise:create': Handler<'exercise:create'> } => ({
  'exercise:create': ({ name }) => exercises.create(name),
});
