// Contract handlers for `lessons:*`.
import type { LessonsService } from './lessonsService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const lessonsHandlers = (lessons: LessonsService): HandlersFor<'lessons'> => ({
  'lessons:list': ({ workspaceId }) => lessons.list(workspaceId),
  'lessons:submit': ({ workspaceId, lesson }) => lessons.submit(workspaceId, lesson),
});
