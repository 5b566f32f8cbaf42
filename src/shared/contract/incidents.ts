// Incident calls: open, status, roster handover and duty, mobilisation and acknowledgements, checklist
// items, situation reports. Every change writes a system entry in the crisis log.
import { z } from 'zod';
import { call, event } from './define';
import {
  actorSchema,
  alertIncidentProposalSchema,
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
  'incidents:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(incidentSummarySchema)),
  'incidents:get': call(inIncident, incidentDetailSchema),
  'incidents:open': call(z.object({ workspaceId: workspaceIdSchema, incident: openIncidentSchema }), incidentDetailSchema),
  /** The backend reads the alert itself, so the incident's copy of the why-card is the detector's own. */
  'incidents:openFromAlert': call(
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
  /** Before opening from an alert: the incident it already has, or the scenario its words point to. */
  'incidents:proposeFromAlert': call(
    z.object({ workspaceId: workspaceIdSchema, alertId: z.number().int().positive() }),
    alertIncidentProposalSchema,
  ),
  'incidents:setStatus': call(inIncident.extend({ status: incidentStatusSchema, actor: actorSchema }), incidentDetailSchema),
  /** The cell corrects what the incident is about; its report, exports and queue follow. */
  'incidents:setScope': call(
    inIncident.extend({
      watchIds: z.array(z.number().int().positive()).min(1).max(100),
      start: z.iso.datetime({ offset: true }),
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incidents:setSeverity': call(inIncident.extend({ severity: severitySchema, actor: actorSchema }), incidentDetailSchema),
  'incidents:handover': call(
    inIncident.extend({
      roleId: roleIdSchema,
      to: personSchema,
      note: z.string().trim().max(1000).default(''),
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incidents:setDuty': call(
    inIncident.extend({ roleId: roleIdSchema, onDuty: z.boolean(), actor: actorSchema }),
    incidentDetailSchema,
  ),
  'incidents:mobilise': call(inIncident.extend({ actor: actorSchema }), incidentDetailSchema),
  'incidents:acknowledge': call(inIncident.extend({ roleId: roleIdSchema, actor: actorSchema }), incidentDetailSchema),
  'incidents:setChecklistItem': call(
    inIncident.extend({
      itemId: z.uuid(),
      status: checklistStatusSchema,
      note: z.string().trim().max(2000).optional(),
      actor: actorSchema,
    }),
    incidentDetailSchema,
  ),
  'incidents:situationReport': call(inIncident.extend({ actor: actorSchema }), situationReportSchema),
} as const;

export const incidentEvents = {
  'incidents:changed': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema })),
  /** The cell was mobilised on this laptop now: only such a mobilisation sends messages (never an imported one). */
  'incidents:mobilised': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema, mobilisationId: z.uuid() })),
} as const;
