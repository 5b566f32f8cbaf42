// Contract handlers for `incidents:*`.
import type { IncidentService } from './incidentService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const incidentHandlers = (incidents: IncidentService): HandlersFor<'incidents'> => ({
  'incidents:list': ({ workspaceId }) => incidents.list(workspaceId),
  'incidents:get': ({ workspaceId, incidentId }) => incidents.get(workspaceId, incidentId),
  'incidents:open': ({ workspaceId, incident }) => incidents.open(workspaceId, incident),
  'incidents:openFromAlert': ({ workspaceId, ...input }) => incidents.openFromAlert(workspaceId, input),
  'incidents:setStatus': ({ workspaceId, incidentId, status, actor }) => incidents.setStatus(workspaceId, incidentId, status, actor),
  'incidents:setScope': ({ workspaceId, incidentId, watchIds, start, actor }) =>
    incidents.setScope(workspaceId, incidentId, { watchIds, start }, actor),
  'incidents:setSeverity': ({ workspaceId, incidentId, severity, actor }) =>
    incidents.setSeverity(workspaceId, incidentId, severity, actor),
  'incidents:handover': ({ workspaceId, incidentId, roleId, to, note, actor }) =>
    incidents.handover(workspaceId, incidentId, roleId, to, note, actor),
  'incidents:setDuty': ({ workspaceId, incidentId, roleId, onDuty, actor }) =>
    incidents.setDuty(workspaceId, incidentId, roleId, onDuty, actor),
  'incidents:mobilise': ({ workspaceId, incidentId, actor }) => incidents.mobilise(workspaceId, incidentId, actor),
  'incidents:acknowledge': ({ workspaceId, incidentId, roleId, actor }) =>
    incidents.acknowledge(workspaceId, incidentId, roleId, actor),
  'incidents:setChecklistItem': ({ workspaceId, incidentId, itemId, status, note, actor }) =>
    incidents.setChecklistItem(workspaceId, incidentId, itemId, status, note, actor),
  'incidents:situationReport': ({ workspaceId, incidentId, actor }) => incidents.situationReport(workspaceId, incidentId, actor),
});
