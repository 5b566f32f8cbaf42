// Contract handlers for `compensation:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { CompensationService } from './compensationService';

export const compensationHandlers = (register: CompensationService): HandlersFor<'compensation'> => ({
  'compensation:list': ({ workspaceId, incidentId }) => register.list(workspaceId, incidentId),
  'compensation:propose': ({ workspaceId, incidentId, case: proposal, actor }) => register.propose(workspaceId, incidentId, proposal, actor),
  'compensation:decide': ({ workspaceId, incidentId, caseId, decision, reason, actor }) => register.decide(workspaceId, incidentId, caseId, decision, reason, actor),
  'compensation:markDone': ({ workspaceId, incidentId, caseId, actor }) => register.markDone(workspaceId, incidentId, caseId, actor),
});
