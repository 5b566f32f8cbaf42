// Contract handlers for `incident:*`.
import type { IncidentService } from './incidentService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const incidentHandlers = (incidents: IncidentService): HandlersFor<'incident'> => ({
  'incident:list': ({ workspaceId }) => incidents.list(workspaceId),
  'incident:get': ({ workspaceId, incidentId }) => incidents.get(workspaceId, incidentId),
  'incident:open': ({ workspaceId, incident }) => incidents.open(workspaceId, incident),
  'incident:openFromAlert': ({ workspaceId, ...input }) => incidents.openFromAlert(workspaceId, input),
  'incident:setStatus': ({ workspaceId, incidentId, status, actor }) => incidents.setStatus(workspaceId, incidentId, status, actor),
  'incident:setSeverity': ({ workspaceId, incidentId, severity, actor }) =>
    incidents.setSeverity(workspaceId, incidentId, severity, actor),
  'incident:handover': ({ workspaceId, incidentId, roleId, to, note, actor }) =>
    incidents.handover(workspaceId, incidentId, roleId, to, note, actor),
  'incident:setDuty': ({ workspaceId, incidentId, roleId, onDuty, actor }) =>
    incidents.setDuty(workspaceId, incidentId, roleId, onDuty, actor),
  'incident:mobilise': ({ workspaceId, incidentId, actor }) => incidents.mobilise(workspaceId, incidentId, actor),
  'incident:acknowledge': ({ workspaceId, incidentId, roleId, actor }) =>
    incidents.acknowledge(workspaceId, incidentId, roleId, actor),
  'incident:setChecklistItem': ({ workspaceId, incidentId, itemId, status, note, actor }) =>
    incidents.setChecklistItem(workspaceId, incidentId, itemId, status, note, actor),
  'incident:situationReport': ({ workspaceId, incidentId, actor }) => incidents.situationReport(workspaceId, incidentId, actor),
});
