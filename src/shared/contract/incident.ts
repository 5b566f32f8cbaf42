// Incident calls: open, status, roster handover and duty, mobilisation and acknowledgements, checklist
// items, situation reports. Every change writes a system entry in the crisis log.
import { z } from 'zod';
import { call, event } from './define';
import {
  actorSchema,
  checklistStatusSchema,
  incidentDetailSchema,
  incidentIdSchema,
  incidentStatusSchema,
  incidentSummarySchema,
  openIncidentSchema,
  situationReportSchema,
} from '../domain/incident';
import { personSchema, roleIdSchema, scenarioKindSchema, severitySchema } from '../domain/plan';
import { workspaceIdSchema } from '../domain/workspace';

const inIncident = z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema });

export const incidentCalls = {
  'incident:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(incidentSummarySchema)),
  'incident:get': call(inIncident, incidentDetailSchema),
  'incident:open': call(z.object({ workspaceId: workspaceIdSchema, incident: openIncidentSchema }), incidentDetailSchema),
  /** The backend reads the alert itself, so the incident's copy of the why-card is the detector's own. */
  'incident:openFromAlert': call(
    z.object({
      workspaceId: workspaceIdSchema,
      alertId: z.number().int().positive(),
      title: z.string().trim().max(200).optional(),
      scenarioKind: scenarioKindSchema,
      severity: severitySchema,
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incident:setStatus': call(inIncident.extend({ status: incidentStatusSchema, actor: actorSchema }), incidentDetailSchema),
  'incident:setSeverity': call(inIncident.extend({ severity: severitySchema, actor: actorSchema }), incidentDetailSchema),
  'incident:handover': call(
    inIncident.extend({
      roleId: roleIdSchema,
      to: personSchema,
      note: z.string().trim().max(1000).default(''),
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incident:setDuty': call(
    inIncident.extend({ roleId: roleIdSchema, onDuty: z.boolean(), actor: actorSchema }),
    incidentDetailSchema,
  ),
  'incident:mobilise': call(inIncident.extend({ actor: actorSchema }), incidentDetailSchema),
  'incident:acknowledge': call(inIncident.extend({ roleId: roleIdSchema, actor: actorSchema }), incidentDetailSchema),
  'incident:setChecklistItem': call(
    inIncident.extend({
      itemId: z.uuid(),
      status: checklistStatusSchema,
      note: z.string().trim().max(2000).optional(),
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incident:situationReport': call(inIncident.extend({ actor: actorSchema }), situationReportSchema),
} as const;

export const incidentEvents = {
  'incident:changed': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema })),
} as const;
