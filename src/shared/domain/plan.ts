// The crisis plan: one portable, versioned, JSON-safe document that the cell prepares before any crisis.
// Incidents seed their roster and checklists from it, the composer its templates, detection its thresholds.
import { z } from 'zod';
import { threadNumberingSchema } from '../composer/splitThread';
import { DEFAULT_APPROVER_ROLES, statementKindSchema } from './statement';
import { isTimeZone } from '../regulatory/zonedTime';
import { OBLIGATION_PRESETS } from './obligationPresets';

/** Identifies a Tocsin plan file among other JSON files. */
export const PLAN_FORMAT = 'tocsin-crisis-plan';
/** Version of the file envelope (how a plan is written to disk). */
export const PLAN_FORMAT_VERSION = 1;
/** Version of the plan's content schema below; bump on any incompatible change. */
export const PLAN_SCHEMA_VERSION = 1;

const TEXT_MAX = 20_000;
const NAME_MAX = 200;

export const planIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,79}$/, 'id: letters, digits, dashes and underscores (max 80)');

/** The same rule for the French and the English twin. */
const bilingual = <T extends z.ZodType>(text: T) => z.object({ fr: text, en: text });
/** The same rule for each crisis level. */
const perLevel = <T extends z.ZodType>(value: T) => z.object({ vigilance: value, alert: value, crisis: value });

/** Every text the cell reads is written in both languages. */
export const localizedTextSchema = bilingual(z.string().max(TEXT_MAX));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const localizedNameSchema = bilingual(z.string().trim().min(1).max(NAME_MAX));
export type LocalizedName = z.infer<typeof localizedNameSchema>;

/** The ten roles every plan ships with; a cell adds its own (marketing, external expert, …) beside them. */
export const ROLE_IDS = [
  'decisionMaker',
  'crisisLead',
  'communicationLead',
  'legal',
  'communityManager',
  'socialAnalyst',
  'customerServiceLead',
  'hrInternalComms',
  'itSecurity',
  'scribe',
] as const;
/** How many roles a plan may hold, the shipped ten included. */
export const MAX_ROLES = 50;
/** Approval chains, checklists, call trees and obligations name a role by this id, so renaming a role keeps them. */
export const roleIdSchema = planIdSchema;
export type RoleId = z.infer<typeof roleIdSchema>;

export const PHASES = ['detect', 'qualify', 'mobilise', 'respond', 'recover', 'learn'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof phaseSchema>;

export const SCENARIO_KINDS = [
  'dataBreach',
  'productDefect',
  'viralComplaint',
  'executiveMisconduct',
  'industrialAccident',
  'strike',
  'cyberAttack',
  'fakeNews',
  'other',
] as const;
export const scenarioKindSchema = z.enum(SCENARIO_KINDS);
export type ScenarioKind = z.infer<typeof scenarioKindSchema>;

export const severitySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** ISO 8601 duration limited to days, hours and minutes (PT30M, PT1H, PT4H, P1D, P2DT12H). */
const DURATION = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,5})M)?)?$/;

export const offsetDurationSchema = z
  .string()
  .max(20)
  .refine((value) => DURATION.test(value) && value !== 'P' && !value.endsWith('T'), {
    message: 'duration: ISO 8601 with days, hours or minutes, such as PT30M, PT1H, PT4H or P1D',
    params: { wording: 'plan.checks.duration' },
  })
  // The check above gives one worded refusal; the JSON schema plan authors validate against keeps the pattern.
  .meta({ pattern: DURATION.source });
export type OffsetDuration = z.infer<typeof offsetDurationSchema>;

/** Minutes after incident start for an H+n deadline. */
export function durationToMinutes(duration: OffsetDuration): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`Not a plan duration: ${duration}`);
  const [, days, hours, minutes] = match;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

/** The shortest ISO form of a number of minutes, so editors can round-trip what they show. */
export function minutesToDuration(total: number): OffsetDuration {
  const whole = Math.max(0, Math.round(total));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const minutes = whole % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  if (!days && !time) return 'PT0M';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export const personSchema = z.object({
  /**
   * Who this entry of the roster is, whatever their name becomes: exercise test destinations name people by it.
   * Given when the plan is stored; a hand-written plan file may leave it out.
   */
  id: planIdSchema.optional(),
  name: z.string().trim().min(1).max(NAME_MAX),
  /** Job title or unit, shown next to the name on the roster. */
  title: z.string().max(NAME_MAX).default(''),
  phone: z.string().trim().min(3).max(40),
  /** A second number (home, personal mobile) for nights and weekends. */
  altPhone: z.string().max(40).default(''),
  email: z.string().max(320).default(''),
  /** The language of the alerts Tocsin sends this person (French when not given). */
  language: z.enum(['fr', 'en']).optional(),
  /** Address on the company messenger (Teams, Mattermost, Slack user or channel) its gateway understands. */
  messenger: z.string().max(320).optional(),
  /** Channels to reach the person by, preferred first (SMS then e-mail when not given); a failing one hands over to the next. */
  channels: z.array(z.enum(['email', 'sms', 'messenger'])).max(3).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const roleSchema = z.object({
  id: roleIdSchema,
  name: localizedNameSchema,
  /** One sentence read aloud at the first meeting, when each member takes their mission. */
  mission: localizedTextSchema,
  /** Standing instructions, one per line of the printed kit. */
  instructions: z.array(localizedTextSchema).max(50).default([]),
  /** Null while nobody holds the role yet (an empty plan, a role just added): the readiness check names it. */
  holder: personSchema.nullable(),
  /** In calling order: the first deputy is called when the holder does not answer. */
  deputies: z.array(personSchema).max(10).default([]),
  /** Call tree: the roles this role's holder calls once mobilised. */
  calls: z.array(roleIdSchema).max(MAX_ROLES).default([]),
});
export type Role = z.infer<typeof roleSchema>;

export const checklistItemSchema = z.object({
  id: planIdSchema,
  phase: phaseSchema,
  text: localizedTextSchema,
  ownerRole: roleIdSchema,
  /** Deadline counted from incident start (H+n). */
  deadline: offsetDurationSchema,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const playbookSchema = z.object({
  id: planIdSchema,
  name: localizedNameSchema,
  items: z.array(checklistItemSchema).max(500),
});
export type Playbook = z.infer<typeof playbookSchema>;

export const templateKindSchema = z.enum(['holding', 'update', 'apology', 'reply', 'internal']);
export type TemplateKind = z.infer<typeof templateKindSchema>;

export const templateVariableSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'variable name: letters, digits, underscores'),
  label: localizedNameSchema,
  example: z.string().max(NAME_MAX).default(''),
});
export type TemplateVariable = z.infer<typeof templateVariableSchema>;

export const templateSchema = z.object({
  id: planIdSchema,
  kind: templateKindSchema,
  name: localizedNameSchema,
  /** FR and EN twins; `{{variable}}` placeholders are filled by the composer. */
  body: localizedTextSchema,
  variables: z.array(templateVariableSchema).max(40).default([]),
  /** Approved in advance by legal and the decision-maker, so it can go out within the first hour. */
  preApproved: z.boolean().default(false),
});
export type Template = z.infer<typeof templateSchema>;

export const scenarioSchema = z.object({
  id: planIdSchema,
  kind: scenarioKindSchema,
  name: localizedNameSchema,
  description: localizedTextSchema,
  /** How to judge severity for this kind of crisis (what makes it critical). */
  severityGuidance: localizedTextSchema,
  defaultSeverity: severitySchema,
  playbookId: planIdSchema,
  templateIds: z.array(planIdSchema).max(40).default([]),
  /**
   * Words and phrases that point to this scenario in an alert's posts (matched ignoring case and accents), so
   * an incident opened from an alert proposes it. Plans written before this had none.
   */
  triggers: bilingual(z.array(z.string().trim().min(1).max(100)).max(200)).default({ fr: [], en: [] }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const thresholdValuesSchema = z.object({
  /** Volume against the brand's own usual level for that hour and weekday, per crisis level. */
  volumeRatio: perLevel(z.number().positive().max(1000)),
  /** Percentage points of negative tone above the watch's own baseline, per crisis level. */
  negativeShareDelta: perLevel(z.number().min(0).max(100)),
  /** Below this many mentions per hour nothing is raised, however large the ratios. */
  minMentionsPerHour: z.number().int().min(0).max(1_000_000),
  /** Authors with at least this audience count as influential. */
  influentialAudience: z.number().int().min(0).max(1_000_000_000),
  /** Crisis vocabulary that raises attention on its own. */
  vocabulary: bilingual(z.array(z.string().trim().min(1).max(100)).max(500)),
});
export type ThresholdValues = z.infer<typeof thresholdValuesSchema>;

export const watchThresholdsSchema = z.object({
  /** Name of the watch (brand or topic) as configured in Listen; matched case-insensitively. */
  watch: z.string().trim().min(1).max(NAME_MAX),
  values: thresholdValuesSchema,
});
export type WatchThresholds = z.infer<typeof watchThresholdsSchema>;

export const thresholdsSchema = z.object({
  defaults: thresholdValuesSchema,
  perWatch: z.array(watchThresholdsSchema).max(200).default([]),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const contactCategorySchema = z.enum([
  'press',
  'regulator',
  'authority',
  'emergency',
  'lawFirm',
  'agency',
  'insurer',
  'supplier',
  'partner',
  'internal',
  'other',
]);
export type ContactCategory = z.infer<typeof contactCategorySchema>;

export const contactSchema = z.object({
  id: planIdSchema,
  category: contactCategorySchema,
  name: z.string().trim().min(1).max(NAME_MAX),
  organisation: z.string().max(NAME_MAX).default(''),
  phone: z.string().max(40).default(''),
  email: z.string().max(320).default(''),
  notes: localizedTextSchema.default({ fr: '', en: '' }),
});
export type Contact = z.infer<typeof contactSchema>;

export const campaignStatusSchema = z.enum(['running', 'scheduled', 'paused', 'ended']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** A marketing campaign or scheduled publication that must be frozen when a crisis opens. */
export const campaignSchema = z.object({
  id: planIdSchema,
  name: z.string().trim().min(1).max(NAME_MAX),
  channels: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  status: campaignStatusSchema,
  /** Who can pause it (agency, media buyer, social-media scheduler admin). */
  owner: z.string().max(NAME_MAX).default(''),
  ownerPhone: z.string().max(40).default(''),
  howToFreeze: localizedTextSchema.default({ fr: '', en: '' }),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const planMetadataSchema = z.object({
  organisation: z.string().trim().min(1).max(NAME_MAX),
  title: localizedNameSchema,
  /** The plan's own edition, chosen by its owner (e.g. "2026.2"). */
  version: z.string().trim().min(1).max(40),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PlanMetadata = z.infer<typeof planMetadataSchema>;

/**
 * Who must approve each kind of statement before it can go out (plan role ids). Plans written before this
 * existed get the defaults: the crisis lead and legal for public words, HR or customer service for theirs.
 */
export const approvalsSchema = z
  .record(statementKindSchema, z.array(roleIdSchema).min(1).max(MAX_ROLES))
  .default(() => structuredClone(DEFAULT_APPROVER_ROLES) as Record<z.infer<typeof statementKindSchema>, RoleId[]>);
export type Approvals = z.infer<typeof approvalsSchema>;

/** Minutes volume and negative share must stay above the crisis line before going offline is suggested. */
export const DEFAULT_GOING_OFFLINE_MINUTES = 30;

/**
 * Who must approve a compensation gesture before it is promised to a customer (plan role ids), the same kind of
 * chain as the statements' approvals. Plans written before this get the crisis lead and customer service.
 */
export const compensationApprovalsSchema = z
  .array(roleIdSchema)
  .min(1)
  .max(ROLE_IDS.length)
  .default(() => ['crisisLead', 'customerServiceLead'] as RoleId[]);

/**
 * How statements go out: a text longer than a post becomes a thread, numbered "… 1/3" (suffix), "(1/3) …"
 * (prefix) or not at all; and how long a crisis must hold before the cell is told to go quiet (pause scheduled
 * posts, freeze campaigns). Plans written before these existed get the suffix and 30 minutes.
 */
export const publishingSchema = z
  .object({
    threadNumbering: threadNumberingSchema.default('suffix'),
    goingOfflineAfterMinutes: z.number().int().min(5).max(24 * 60).default(DEFAULT_GOING_OFFLINE_MINUTES),
  })
  .default(() => ({ threadNumbering: 'suffix' as const, goingOfflineAfterMinutes: DEFAULT_GOING_OFFLINE_MINUTES }));
export type Publishing = z.infer<typeof publishingSchema>;

// Regulatory obligations the plan names: who must be told what, by when, under which text. A clock runs for each
// one the cell classifies an incident under; its deadlines come from the rules below.
/** What a time limit counts from: when the firm became aware, when the cell classified, or when an earlier step was sent. */
export const limitAnchorSchema = z.enum(['awareness', 'classification', 'stepSent']);
export type LimitAnchor = z.infer<typeof limitAnchorSchema>;

export const deadlineLimitSchema = z
  .object({
    from: limitAnchorSchema,
    /** With `stepSent`: the earlier step of the same obligation whose sending starts this limit. */
    step: planIdSchema.optional(),
    /** Calendar months on the firm's wall clock, added before `after` (a month is not 30 days). */
    months: z.number().int().min(0).max(12).default(0),
    after: offsetDurationSchema.default('PT0M'),
  })
  .refine((limit) => limit.from !== 'stepSent' || limit.step !== undefined, {
    message: 'stepSent needs the step it counts from',
    path: ['step'],
    params: { wording: 'plan.checks.stepSentNeedsStep' },
  });
export type DeadlineLimit = z.infer<typeof deadlineLimitSchema>;

export const obligationStepSchema = z.object({
  id: planIdSchema,
  name: localizedNameSchema,
  /** What is due at this step, as the text or the authority words it. */
  due: localizedTextSchema,
  /** The deadline is the earliest of these limits (DORA: 4 h after classification, at the latest 24 h after awareness). */
  limits: z.array(deadlineLimitSchema).min(1).max(4),
});
export type ObligationStep = z.infer<typeof obligationStepSchema>;

export const obligationSchema = z.object({
  id: planIdSchema,
  name: localizedNameSchema,
  /** The legal source, cited as the cell would in a notification. */
  source: localizedTextSchema,
  /** To whom the notifications go. */
  recipient: localizedTextSchema,
  /** The plan role that sends them. */
  ownerRole: roleIdSchema,
  steps: z.array(obligationStepSchema).min(1).max(8),
});
export type Obligation = z.infer<typeof obligationSchema>;

export const DEFAULT_REMINDER_FRACTIONS = [0.5, 0.75, 0.9] as const;

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'time zone: an IANA name such as Europe/Zurich', params: { wording: 'platform.validation.unknownTimeZone' } });

export const regulatorySchema = z
  .object({
    /** The firm's time zone: a calendar month ends on its wall clock. */
    timeZone: timeZoneSchema.default('Europe/Zurich'),
    /** Reminders go out when these fractions of each deadline's time have gone by. */
    reminderFractions: z.array(z.number().gt(0).lt(1)).max(6).default([...DEFAULT_REMINDER_FRACTIONS]),
    obligations: z.array(obligationSchema).max(50).default(() => structuredClone([...OBLIGATION_PRESETS]) as Obligation[]),
  })
  .default(() => ({ timeZone: 'Europe/Zurich', reminderFractions: [...DEFAULT_REMINDER_FRACTIONS], obligations: structuredClone([...OBLIGATION_PRESETS]) as Obligation[] }));
export type Regulatory = z.infer<typeof regulatorySchema>;

/** Steps that count from a step that is not an earlier one of the same obligation, and duplicate ids. */
export function obligationReferenceIssues(obligations: unknown): PlanReferenceIssue[] {
  const issues: PlanReferenceIssue[] = [];
  if (!Array.isArray(obligations)) return issues;
  const seen = new Set<string>();
  obligations.forEach((obligation: { id?: unknown; steps?: unknown }, o) => {
    if (typeof obligation?.id === 'string') {
      if (seen.has(obligation.id)) issues.push({ path: ['regulatory', 'obligations', o, 'id'], wording: 'plan.checks.duplicateId', values: { id: obligation.id } });
      seen.add(obligation.id);
    }
    const earlier = new Set<string>();
    (Array.isArray(obligation?.steps) ? obligation.steps : []).forEach((s: { id?: unknown; limits?: unknown }, i: number) => {
      (Array.isArray(s?.limits) ? s.limits : []).forEach((l: { from?: unknown; step?: unknown }, j: number) => {
        if (l?.from === 'stepSent' && typeof l.step === 'string' && !earlier.has(l.step)) {
          issues.push({ path: ['regulatory', 'obligations', o, 'steps', i, 'limits', j, 'step'], wording: 'plan.checks.notEarlierStep', values: { id: l.step } });
        }
      });
      if (typeof s?.id === 'string') {
        if (earlier.has(s.id)) issues.push({ path: ['regulatory', 'obligations', o, 'steps', i, 'id'], wording: 'plan.checks.duplicateId', values: { id: s.id } });
        earlier.add(s.id);
      }
    });
  });
  return issues;
}
const escalationLevelSchema = z
  .object({
    /** The roles alerted at once at this level. */
    first: z.array(roleIdSchema).max(MAX_ROLES),
    /** Minutes after the first message without acknowledgement before the role's first deputy is called. */
    deputyAfterMinutes: z.number().int().min(1).max(1440),
    /** …before the holder of the role that calls it in the call tree is told. */
    callTreeAfterMinutes: z.number().int().min(1).max(1440),
    /** …before the crisis lead is told. */
    crisisLeadAfterMinutes: z.number().int().min(1).max(1440),
  })
  .refine((l) => l.deputyAfterMinutes < l.callTreeAfterMinutes && l.callTreeAfterMinutes < l.crisisLeadAfterMinutes, {
    message: 'escalation minutes: deputy, then call tree, then crisis lead, each later than the one before',
    params: { wording: 'plan.checks.escalationOrder' },
  });
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const DEFAULT_ESCALATION = {
  meeting: { withinMinutes: 60, place: { fr: 'Salle de crise', en: 'Crisis room' } },
  levels: {
    vigilance: { first: ['socialAnalyst', 'communicationLead'], deputyAfterMinutes: 30, callTreeAfterMinutes: 60, crisisLeadAfterMinutes: 120 },
    alert: { first: ['crisisLead', 'communicationLead', 'socialAnalyst', 'legal'], deputyAfterMinutes: 15, callTreeAfterMinutes: 30, crisisLeadAfterMinutes: 45 },
    crisis: { first: [...ROLE_IDS], deputyAfterMinutes: 10, callTreeAfterMinutes: 20, crisisLeadAfterMinutes: 30 },
  },
} satisfies { meeting: unknown; levels: Record<'vigilance' | 'alert' | 'crisis', EscalationLevel> };

/**
 * Who is alerted outside the app at each level, and who is told next when nobody acknowledges; where and when
 * the cell meets. Plans written before this get the defaults.
 */
export const escalationSchema = z
  .object({
    meeting: z.object({ withinMinutes: z.number().int().min(0).max(1440), place: localizedTextSchema }),
    levels: perLevel(escalationLevelSchema),
  })
  .default(() => structuredClone(DEFAULT_ESCALATION));
export type Escalation = z.infer<typeof escalationSchema>;

/**
 * How often the cell reviews its plan and rehearses it, and when it last reviewed it (the readiness check
 * measures both). Plans written before this get a yearly review and a yearly exercise, never reviewed yet.
 */
export const reviewSchema = z
  .object({
    intervalDays: z.number().int().min(1).max(1095).default(365),
    exerciseIntervalDays: z.number().int().min(1).max(1095).default(365),
    lastReviewedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .default(() => ({ intervalDays: 365, exerciseIntervalDays: 365, lastReviewedAt: null }));
export type PlanReview = z.infer<typeof reviewSchema>;

const emptyText = () => ({ fr: '', en: '' });

/**
 * The staff social-media charter: what it says, who alone may speak for the firm, and what staff must not post
 * during a crisis. Printed in the paper kit. Plans written before this have none yet.
 */
export const charterSchema = z
  .object({
    text: localizedTextSchema.default(emptyText),
    spokespeople: localizedTextSchema.default(emptyText),
    mustNotPost: z.array(localizedTextSchema).max(50).default([]),
  })
  .default(() => ({ text: emptyText(), spokespeople: emptyText(), mustNotPost: [] }));
export type StaffCharter = z.infer<typeof charterSchema>;

const planObjectSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  metadata: planMetadataSchema,
  scenarios: z.array(scenarioSchema).max(100),
  roles: z.array(roleSchema).max(MAX_ROLES),
  playbooks: z.array(playbookSchema).max(100),
  templates: z.array(templateSchema).max(500),
  thresholds: thresholdsSchema,
  contacts: z.array(contactSchema).max(1000),
  campaigns: z.array(campaignSchema).max(1000),
  approvals: approvalsSchema,
  compensationApprovals: compensationApprovalsSchema,
  publishing: publishingSchema,
  regulatory: regulatorySchema,
  escalation: escalationSchema,
  review: reviewSchema,
  charter: charterSchema,
});

/** A broken reference, named by the catalogue sentence (under `plan.checks`) that words it and the id at fault. */
export interface PlanReferenceIssue {
  readonly path: (string | number)[];
  readonly wording: string;
  readonly values?: Readonly<Record<string, string>>;
}

type Loose = Record<string, unknown>;
const entries = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Loose) : {})) : [];
const idOf = (entry: Loose): string | undefined => (typeof entry.id === 'string' ? entry.id : undefined);
const strings = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Duplicate ids and broken links between sections. Written against unvalidated data, so an imported file
 * with shape errors still gets its broken references reported in the same pass.
 */
export function planReferenceIssues(value: unknown): PlanReferenceIssue[] {
  const plan: Loose = typeof value === 'object' && value !== null ? (value as Loose) : {};
  const issues: PlanReferenceIssue[] = [];
  const sections = ['scenarios', 'roles', 'playbooks', 'templates', 'contacts', 'campaigns'] as const;
  const idSets = {} as Record<(typeof sections)[number], Set<string>>;
  for (const key of sections) {
    const seen = new Map<string, number[]>();
    entries(plan[key]).forEach((entry, index) => {
      const id = idOf(entry);
      if (id !== undefined) seen.set(id, [...(seen.get(id) ?? []), index]);
    });
    for (const [id, indexes] of seen) {
      if (indexes.length > 1) for (const index of indexes) issues.push({ path: [key, index, 'id'], wording: 'plan.checks.duplicateId', values: { id: id } });
    }
    idSets[key] = new Set(seen.keys());
  }
  entries(plan.scenarios).forEach((scenario, index) => {
    if (typeof scenario.playbookId === 'string' && !idSets.playbooks.has(scenario.playbookId)) {
      issues.push({ path: ['scenarios', index, 'playbookId'], wording: 'plan.checks.noPlaybook', values: { id: scenario.playbookId } });
    }
    strings(scenario.templateIds).forEach((templateId, t) => {
      if (typeof templateId === 'string' && !idSets.templates.has(templateId)) {
        issues.push({ path: ['scenarios', index, 'templateIds', t], wording: 'plan.checks.noTemplate', values: { id: templateId } });
      }
    });
  });
  entries(plan.roles).forEach((role, index) => {
    strings(role.calls).forEach((target, c) => {
      if (typeof target !== 'string') return;
      if (target === role.id) issues.push({ path: ['roles', index, 'calls', c], wording: 'plan.checks.callsItself' });
      else if (!idSets.roles.has(target)) issues.push({ path: ['roles', index, 'calls', c], wording: 'plan.checks.noRole', values: { id: target } });
    });
  });
  const approvals = typeof plan.approvals === 'object' && plan.approvals !== null ? (plan.approvals as Loose) : {};
  for (const [kind, roles] of Object.entries(approvals)) {
    strings(roles).forEach((role, r) => {
      if (typeof role === 'string' && !idSets.roles.has(role)) issues.push({ path: ['approvals', kind, r], wording: 'plan.checks.noRole', values: { id: role } });
    });
  }
  strings(plan.compensationApprovals).forEach((role, r) => {
    if (typeof role === 'string' && !idSets.roles.has(role)) issues.push({ path: ['compensationApprovals', r], wording: 'plan.checks.noRole', values: { id: role } });
  });
  entries(plan.playbooks).forEach((playbook, p) => {
    const items = entries(playbook.items);
    const counts = new Map<string, number>();
    for (const item of items) {
      const id = idOf(item);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    items.forEach((item, i) => {
      const id = idOf(item);
      if (id !== undefined && (counts.get(id) ?? 0) > 1) {
        issues.push({ path: ['playbooks', p, 'items', i, 'id'], wording: 'plan.checks.duplicateId', values: { id: id } });
      }
      if (typeof item.ownerRole === 'string' && !idSets.roles.has(item.ownerRole)) {
        issues.push({ path: ['playbooks', p, 'items', i, 'ownerRole'], wording: 'plan.checks.noRole', values: { id: item.ownerRole } });
      }
    });
  });
  const escalation = typeof plan.escalation === 'object' && plan.escalation !== null ? (plan.escalation as Loose) : {};
  const levels = typeof escalation.levels === 'object' && escalation.levels !== null ? (escalation.levels as Loose) : {};
  for (const [level, rule] of Object.entries(levels)) {
    strings(typeof rule === 'object' && rule !== null ? (rule as Loose).first : []).forEach((role, r) => {
      if (typeof role === 'string' && !idSets.roles.has(role)) issues.push({ path: ['escalation', 'levels', level, 'first', r], wording: 'plan.checks.noRole', values: { id: role } });
    });
  }
  const regulatory = typeof plan.regulatory === 'object' && plan.regulatory !== null ? (plan.regulatory as Loose) : {};
  issues.push(...obligationReferenceIssues(regulatory.obligations));
  entries(regulatory.obligations).forEach((obligation, o) => {
    if (typeof obligation.ownerRole === 'string' && !idSets.roles.has(obligation.ownerRole)) {
      issues.push({ path: ['regulatory', 'obligations', o, 'ownerRole'], wording: 'plan.checks.noRole', values: { id: obligation.ownerRole } });
    }
  });
  return issues;
}

/** Cross-references are checked even when the shape is wrong, so one pass names every problem by its path. */
export const crisisPlanSchema = planObjectSchema.superRefine(
  (plan, ctx) => {
    for (const issue of planReferenceIssues(plan)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.wording, params: { wording: issue.wording, values: issue.values } });
    }
  },
  { when: () => true },
);
export type CrisisPlan = z.infer<typeof crisisPlanSchema>;

/** Placeholders used in a template body, in order of first appearance. */
export function templatePlaceholders(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g)) {
    const name = match[1];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Replaces `{{name}}` placeholders; unknown ones stay visible so a draft never hides a gap. */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
