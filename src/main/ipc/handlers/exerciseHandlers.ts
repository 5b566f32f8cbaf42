// Contract handlers for `exercise:*`.
import type { ExerciseService } from '../../services/exercises/exerciseService';
import type { HandlersFor } from './types';

export const exerciseHandlers = (exercises: ExerciseService): HandlersFor<'exercise'> => ({
  'exercise:create': ({ name }) => exercises.create(name),
});
