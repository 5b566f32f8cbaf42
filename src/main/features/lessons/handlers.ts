// Contract handlers for `lessons:*`.
import type { LessonsService } from './lessonsService';
import type { RetexService } from './retexService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const lessonsHandlers = (lessons: LessonsService, retex: RetexService): HandlersFor<'lessons'> => ({
  'lessons:list': ({ workspaceId }) => lessons.list(workspaceId),
  'lessons:submit': ({ workspaceId, lesson }) => lessons.submit(workspaceId, lesson),
  'lessons:retex': ({ workspaceId, incidentId }) => retex.get(workspaceId, incidentId),
  'lessons:saveRetex': ({ workspaceId, incidentId, text, actor }) => retex.saveText(workspaceId, incidentId, text, actor),
  'lessons:addAction': ({ workspaceId, incidentId, action, actor }) => retex.addAction(workspaceId, incidentId, action, actor),
  'lessons:setActionDone': ({ workspaceId, incidentId, actionId, done, actor }) => retex.setDone(workspaceId, incidentId, actionId, done, actor),
  'lessons:setFollowUp': ({ workspaceId, incidentId, item, done, actor }) => retex.setFollowUp(workspaceId, incidentId, item, done, actor),
  'lessons:decidePlanChange': ({ workspaceId, incidentId, actionId, accept, actor }) => retex.decidePlanChange(workspaceId, incidentId, actionId, accept, actor),
});
