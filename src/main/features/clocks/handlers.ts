// Contract handlers for `clocks:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { ClockService } from './clockService';

export const clockHandlers = (clocks: ClockService): HandlersFor<'clocks'> => ({
  'clocks:list': ({ workspaceId, incidentId }) => clocks.list(workspaceId, incidentId),
  'clocks:classify': ({ workspaceId, incidentId, obligationId, awarenessAt, actor }) =>
    clocks.classify(workspaceId, incidentId, obligationId, awarenessAt, actor),
  'clocks:setAwareness': ({ workspaceId, clockId, awarenessAt, reason, actor }) => clocks.setAwareness(workspaceId, clockId, awarenessAt, reason, actor),
  'clocks:markSent': ({ workspaceId, clockId, stepId, what, sentAt, actor }) => clocks.markSent(workspaceId, clockId, stepId, what, sentAt, actor),
});
