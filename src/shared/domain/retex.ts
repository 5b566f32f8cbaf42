// The lessons learned (RETEX) of a live incident: what the cell says of it, the timings measured from what was
// recorded, and the follow-up actions, some of which propose a change to the crisis plan.
import { z } from 'zod';
import { incidentIdSchema } from './crisisLog';
import { localizedTextSchema, offsetDurationSchema, phaseSchema, planIdSchema, roleIdSchema } from './plan';

/** A RETEX is written once the incident is over or under control. */
export const RETEX_STATUSES = ['stabilised', 'closed'] as const;

const TEXT_MAX = 10_000;

export const PLAN_CHANGE_KINDS = ['template', 'threshold', 'role', 'checklistItem'] as const;
export const THRESHOLD_FIELDS = ['volumeRatio', 'negativeShareDelta'] as const;
export const THRESHOLD_LEVELS = ['vigilance', 'alert', 'crisis'] as const;

/** What an action proposes to change in the plan; the plan's own rules check the result when it is accepted. */
export const planChangeSchema = z.discriminatedUnion('kind', [
  /** New FR and EN wording for a template of the plan. */
  z.object({ kind: z.literal('template'), templateId: planIdSchema, body: localizedTextSchema }),
  /** A new value for a default detection threshold at one level. */
  z.object({
    kind: z.literal('threshold'),
    field: z.enum(THRESHOLD_FIELDS),
    level: z.enum(THRESHOLD_LEVELS),
    value: z.number().min(0).max(1000),
  }),
  /** A standing instruction added to a role. */
  z.object({ kind: z.literal('role'), roleId: roleIdSchema, instruction: localizedTextSchema }),
  /** A checklist item added to a playbook. */
  z.object({
    kind: z.literal('checklistItem'),
    playbookId: planIdSchema,
    phase: phaseSchema,
    ownerRole: roleIdSchema,
    deadline: offsetDurationSchema,
    text: localizedTextSchema,
  }),
]);
export type PlanChange = z.infer<typeof planChangeSchema>;

export const PLAN_CHANGE_STATES = ['proposed', 'accepted', 'rejected'] as const;
export const planChangeStateSchema = z.enum(PLAN_CHANGE_STATES);
export type PlanChangeState = z.infer<typeof planChangeStateSchema>;

/** A calendar day (the action is due by its end, in the reader's own zone). */
export const dueDateSchema = z.iso.date();

export const actionOwnerSchema = z.object({
  roleId: roleIdSchema,
  person: z.string().trim().min(1).max(120),
});
export type ActionOwner = z.infer<typeof actionOwnerSchema>;

export const newRetexActionSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  owner: actionOwnerSchema,
  dueDate: dueDateSchema,
  planChange: planChangeSchema.nullable().default(null),
});
export type NewRetexAction = z.input<typeof newRetexActionSchema>;

export const retexActionSchema = z.object({
  id: z.number().int().positive(),
  text: z.string(),
  owner: actionOwnerSchema,
  dueDate: dueDateSchema,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
  planChange: planChangeSchema.nullable(),
  planChangeState: planChangeStateSchema.nullable(),
  /** The plan revision the accepted change made. */
  planRevision: z.number().int().positive().nullable(),
});
export type RetexAction = z.infer<typeof retexActionSchema>;

/** One measured delay: from when, to when, or not reached (`at` null) when the recorded data has no end point. */
export const timingSchema = z.object({
  from: z.iso.datetime().nullable(),
  at: z.iso.datetime().nullable(),
  minutes: z.number().nonnegative().nullable(),
});
export type Timing = z.infer<typeof timingSchema>;

export const retexTimingsSchema = z.object({
  /** First alert to the incident's opening. */
  detection: timingSchema,
  /** Opening to the last person of the first call list reached. */
  mobilisation: timingSchema,
  /** Opening to the first statement published. */
  firstStatement: timingSchema,
  /** Opening to the first complaint of the response queue answered (publicly or offline). */
  firstAnswerToCritics: timingSchema,
});
export type RetexTimings = z.infer<typeof retexTimingsSchema>;

/** Hours in a row a measure must stay at its baseline to count as back. */
export const RECOVERY_WINDOW_HOURS = 6;

/** When one measure came back to its pre-crisis baseline. */
export const recoveryReturnSchema = z.object({
  at: z.iso.datetime(),
  hoursAfterStart: z.number().int().nonnegative(),
});
export type RecoveryReturn = z.infer<typeof recoveryReturnSchema>;

/** Volume and negative share of the incident's watches back to the week before the crisis; null while not back. */
export const recoverySchema = z.object({
  baselineFrom: z.iso.datetime(),
  baselineTo: z.iso.datetime(),
  baselinePerHour: z.number().nonnegative(),
  baselineNegativeShare: z.number().min(0).max(1).nullable(),
  peakAt: z.iso.datetime().nullable(),
  volume: recoveryReturnSchema.nullable(),
  negativeShare: recoveryReturnSchema.nullable(),
});
export type Recovery = z.infer<typeof recoverySchema>;

/**
 * The follow-up campaign ("rebondir") the RETEX offers once volume and tone are back: what a cell does to turn the
 * page. The items are Tocsin's own, worded in both languages by the catalogue; the incident keeps which are done.
 */
export const FOLLOW_UP_ITEMS = [
  'answerRemaining',
  'reviewScheduled',
  'resumeCampaigns',
  'explainChanges',
  'thankSupporters',
  'updatePress',
  'briefStaff',
  'watchRelapse',
  'measurePerception',
] as const;
export const followUpItemSchema = z.enum(FOLLOW_UP_ITEMS);
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpStepSchema = z.object({
  item: followUpItemSchema,
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
});
export type FollowUpStep = z.infer<typeof followUpStepSchema>;

export const retexTextSchema = z.object({
  whatHappened: z.string().trim().max(TEXT_MAX),
  wentWell: z.string().trim().max(TEXT_MAX),
  wentBadly: z.string().trim().max(TEXT_MAX),
});
export type RetexText = z.infer<typeof retexTextSchema>;

export const incidentRetexSchema = retexTextSchema.extend({
  incidentId: incidentIdSchema,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
  timings: retexTimingsSchema,
  recovery: recoverySchema,
  actions: z.array(retexActionSchema),
  /** Every item of the follow-up campaign, in its order, ticked or not. */
  followUp: z.array(followUpStepSchema),
});
export type IncidentRetex = z.infer<typeof incidentRetexSchema>;

/** Which lesson a plan revision came from, so the plan's history says why it changed. */
export const planLessonLinkSchema = z.object({
  incidentId: incidentIdSchema,
  incidentTitle: z.string(),
  actionId: z.number().int().positive(),
  action: z.string(),
});
export type PlanLessonLink = z.infer<typeof planLessonLinkSchema>;

