// Incidents and their war-room state: roster, mobilisation, checklists, situation reports.
import { z } from 'zod';
import { incidentIdSchema } from './crisisLog';
import { signalSchema } from './detection';
import {
  localizedNameSchema,
  localizedTextSchema,
  personSchema,
  phaseSchema,
  planIdSchema,
  roleIdSchema,
  scenarioKindSchema,
  severitySchema,
} from './plan';

export { incidentIdSchema };

export const INCIDENT_STATUSES = ['monitoring', 'active', 'stabilised', 'closed'] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/** Forward moves, plus a relapse from stabilised back to active; a closed incident stays closed. */
export const STATUS_MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  monitoring: ['active', 'stabilised', 'closed'],
  active: ['stabilised', 'closed'],
  stabilised: ['active', 'closed'],
  closed: [],
};

/** Who does something: people have no accounts, so each laptop says who is typing and in which role. */
export const actorSchema = z.object({
  author: z.string().trim().min(1).max(120),
  authorRole: z.string().trim().min(1).max(80).nullable().default(null),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * What an incident keeps of the alert it was opened from. Detection owns alerts; this is a frozen copy
 * so the incident still shows why it was opened if the alert is later resolved or the data rotated.
 */
export const alertSnapshotSchema = z.object({
  alertId: z.string().min(1).max(100),
  level: z.string().max(40).optional(),
  watch: z.string().max(200).optional(),
  /** The watch the alert was raised on, so the war room can chart it. */
  watchId: z.number().int().positive().optional(),
  raisedAt: z.iso.datetime({ offset: true }).optional(),
  why: z.array(z.string().max(1000)).max(50).default([]),
  /** The fired signals themselves, so each reader gets `why` in their own language (absent on older incidents). */
  signals: z.array(signalSchema).max(10).optional(),
  mentions: z
    .array(
      z.object({
        author: z.string().max(512).optional(),
        text: z.string().max(5000),
        url: z.string().max(4096).optional(),
        publishedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .max(50)
    .default([]),
});
export type AlertSnapshot = z.infer<typeof alertSnapshotSchema>;

/** What opening an incident from an alert starts from: the incident it already has, or the scenario its words point to. */
export const alertIncidentProposalSchema = z.object({
  alertId: z.number().int().positive(),
  /** The incident already opened from this alert, which the action opens instead of a second one. */
  incidentId: incidentIdSchema.nullable(),
  /** The plan's scenario the alert's words point to; null when none does. */
  scenarioId: planIdSchema.nullable(),
  scenarioKind: scenarioKindSchema.nullable(),
  /** The scenario's trigger words found in the alert, most weighty first. */
  because: z.array(z.string()).max(5),
});
export type AlertIncidentProposal = z.infer<typeof alertIncidentProposalSchema>;

const scopeWatchIdsSchema = z.array(z.number().int().positive()).min(1).max(100);

/**
 * What an incident is about: its watches and its period. The period starts at the first signal of the alert's
 * episode (or when the cell says) and ends when the incident closes; `end` is null while it is open.
 */
export const incidentScopeSchema = z.object({
  /** Empty only when the workspace had no watch to name. */
  watchIds: z.array(z.number().int().positive()).max(100),
  start: z.iso.datetime(),
  end: z.iso.datetime().nullable(),
});
export type IncidentScope = z.infer<typeof incidentScopeSchema>;

/** The scope chosen when opening by hand: every active watch and now unless said otherwise. */
export const scopeChoiceSchema = z.object({
  watchIds: scopeWatchIdsSchema.optional(),
  start: z.iso.datetime({ offset: true }).optional(),
});

export const openIncidentSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** Scenario of the plan whose roster and playbook seed the incident. */
  scenarioId: planIdSchema.nullable().default(null),
  scenarioKind: scenarioKindSchema,
  severity: severitySchema,
  status: z.enum(['monitoring', 'active']).default('active'),
  summary: z.string().trim().max(5000).default(''),
  alert: alertSnapshotSchema.nullable().default(null),
  scope: scopeChoiceSchema.optional(),
  actor: actorSchema,
});
export type OpenIncident = z.input<typeof openIncidentSchema>;

export const incidentSummarySchema = z.object({
  id: incidentIdSchema,
  title: z.string(),
  scenarioKind: scenarioKindSchema,
  scenarioId: z.string().nullable(),
  severity: severitySchema,
  status: incidentStatusSchema,
  summary: z.string(),
  openedAt: z.iso.datetime(),
  openedBy: z.string(),
  activeAt: z.iso.datetime().nullable(),
  stabilisedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  alert: alertSnapshotSchema.nullable(),
  scope: incidentScopeSchema,
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const holderPeriodSchema = z.object({
  person: personSchema,
  fromAt: z.iso.datetime(),
  untilAt: z.iso.datetime().nullable(),
  handedOverBy: z.string().nullable(),
  note: z.string(),
});
export type HolderPeriod = z.infer<typeof holderPeriodSchema>;

export const rosterRoleSchema = z.object({
  roleId: roleIdSchema,
  name: localizedNameSchema,
  mission: localizedTextSchema,
  instructions: z.array(localizedTextSchema),
  holder: personSchema.nullable(),
  deputies: z.array(personSchema),
  calls: z.array(roleIdSchema),
  onDuty: z.boolean(),
  shiftStartedAt: z.iso.datetime().nullable(),
  /** Every holder of the role during this incident, oldest first; the last open one is the holder. */
  history: z.array(holderPeriodSchema),
});
export type RosterRole = z.infer<typeof rosterRoleSchema>;

export const mobilisationCallSchema = z.object({
  roleId: roleIdSchema,
  /** The plan id of the person called: one person holding two roles has one call per role under one id. */
  personId: z.string().nullable().default(null),
  personName: z.string(),
  phone: z.string(),
  alertedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type MobilisationCall = z.infer<typeof mobilisationCallSchema>;

/** One person the mobilisation reached, with every role they were called for: how screens list and count them. */
export const mobilisedPersonSchema = z.object({
  personId: z.string().nullable(),
  personName: z.string(),
  phone: z.string(),
  roleIds: z.array(roleIdSchema).min(1),
  alertedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type MobilisedPerson = z.infer<typeof mobilisedPersonSchema>;

export const mobilisationSchema = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime(),
  startedBy: z.string(),
  calls: z.array(mobilisationCallSchema),
  people: z.array(mobilisedPersonSchema).default([]),
});
export type Mobilisation = z.infer<typeof mobilisationSchema>;

export const CHECKLIST_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export const checklistStatusSchema = z.enum(CHECKLIST_STATUSES);
export type ChecklistStatus = z.infer<typeof checklistStatusSchema>;

export const incidentChecklistItemSchema = z.object({
  id: z.uuid(),
  planItemId: z.string().nullable(),
  phase: phaseSchema,
  text: localizedTextSchema,
  ownerRole: roleIdSchema,
  deadlineMinutes: z.number().int().nonnegative(),
  /** Incident start + deadline: what "overdue" is measured against. */
  dueAt: z.iso.datetime(),
  status: checklistStatusSchema,
  doneBy: z.string().nullable(),
  doneAt: z.iso.datetime().nullable(),
  note: z.string(),
});
export type IncidentChecklistItem = z.infer<typeof incidentChecklistItemSchema>;

export const SITUATION_LINE_KINDS = [
  'status',
  'alert',
  'pinned',
  'verifiedInfo',
  'done',
  'decision',
  'communication',
  'overdue',
  'unanswered',
  'vacant',
  'toVerify',
] as const;
export const situationLineSchema = z.object({
  kind: z.enum(SITUATION_LINE_KINDS),
  /** Checklist texts come in both languages; log entries and names are as written (fr = en). */
  text: localizedTextSchema,
});
export type SituationLine = z.infer<typeof situationLineSchema>;

export const situationReportSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  conditions: z.array(situationLineSchema),
  actions: z.array(situationLineSchema),
  needs: z.array(situationLineSchema),
  /** The crisis log's head hash when the report was made: a printed report anchors the chain. */
  logHeadHash: z.string().nullable(),
  logIntact: z.boolean(),
});
export type SituationReport = z.infer<typeof situationReportSchema>;

/** A change to the incident made on a laptop of the cell, genuine when its laptop's device key signed it. */
export const cellChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(['opened', 'status', 'severity', 'handover', 'checklist']),
  at: z.iso.datetime(),
  by: z.string(),
  /** The laptop's member; null when the laptop is not in the members document. */
  memberName: z.string().nullable(),
  deviceId: z.string(),
  /** What it changed to: a status, a severity, the new holder's name, a checklist item's state. */
  to: z.string().nullable(),
  genuine: z.boolean(),
});
export type CellChange = z.infer<typeof cellChangeSchema>;

export const incidentDetailSchema = incidentSummarySchema.extend({
  roster: z.array(rosterRoleSchema),
  mobilisation: mobilisationSchema.nullable(),
  checklist: z.array(incidentChecklistItemSchema),
  reports: z.array(situationReportSchema),
  /** When the next status meeting is due (last report, or the incident's start, + the workspace interval). */
  nextMeetingAt: z.iso.datetime().nullable(),
  /** In a cell: every laptop's changes to the incident in clock order, overridden and forged ones included. */
  cellChanges: z.array(cellChangeSchema).optional(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;
