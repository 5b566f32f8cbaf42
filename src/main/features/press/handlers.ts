// Contract handlers for `press:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { PressService } from './pressService';

export const pressHandlers = (press: PressService): HandlersFor<'press'> => ({
  'press:list': ({ workspaceId, incidentId }) => press.list(workspaceId, incidentId),
  'press:create': ({ workspaceId, incidentId, inquiry, actor }) => press.create(workspaceId, incidentId, inquiry, actor),
  'press:answer': ({ workspaceId, incidentId, inquiryId, answer, actor }) => press.answer(workspaceId, incidentId, inquiryId, answer, actor),
  'press:setStatus': ({ workspaceId, incidentId, inquiryId, status, reason, actor }) => press.setStatus(workspaceId, incidentId, inquiryId, status, reason, actor),
});
