// What other parts of the core may use of the exercises feature; everything else in this folder is its own.
export { createExercises } from './createExercises';
export type { ExercisesFeature } from './createExercises';
