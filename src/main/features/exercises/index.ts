// What other parts of the core may use of the exercises feature; everything else in this folder is its own.
export { createExerciseRunner } from './createExerciseRunner';
export { ExerciseDebriefService } from './exerciseDebrief';
export type { ExerciseRunner } from './exerciseRunner';
export { ExerciseService } from './exerciseService';
export { exerciseHandlers } from './handlers';
export { exerciseRunHandlers } from './runHandlers';
