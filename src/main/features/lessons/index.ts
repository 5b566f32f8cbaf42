// What other parts of the core may use of the lessons feature; everything else in this folder is its own.
export { lessonsHandlers } from './handlers';
export { LessonsRepository } from './lessonsRepository';
export type { LessonRow } from './lessonsRepository';
export { LessonsService } from './lessonsService';
