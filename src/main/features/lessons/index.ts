// What other parts of the core may use of the lessons feature; everything else in this folder is its own.
export { LessonsRepository } from './lessonsRepository';
export type { LessonRow } from './lessonsRepository';
export type { RetexService } from './retexService';
export { createLessons } from './createLessons';
