// Contract handlers for `lessons:*`.
import type { LessonsService } from '../../services/exercises/lessonsService';
import type { HandlersFor } from './types';

export const lessonsHandlers = (lessons: LessonsService): HandlersFor<'lessons'> => ({
  'lessons:list': ({ workspaceId }) => lessons.list(workspaceId),
  'lessons:submit': ({ workspaceId, lesson }) => lessons.submit(workspaceId, lesson),
});
