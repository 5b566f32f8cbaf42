// Statements the cell publishes: FR/EN twins, channel variants, approvals bound to the exact content, outbox.
import { z } from 'zod';
import { healthMessageSchema } from './healthMessage';
import { channelSchema, type Channel } from '../composer/channels';

export const STATEMENT_KINDS = [
  'holding',
  'update',
  'apology',
  'faq',
  'press_release',
  'internal_memo',
  'customer_service_script',
  'reply',
] as const;
export const statementKindSchema = z.enum(STATEMENT_KINDS);
export type StatementKind = z.infer<typeof statementKindSchema>;

export const languageSchema = z.enum(['fr', 'en']);
export type StatementLanguage = z.infer<typeof languageSchema>;

/** Plan role ids (resources/plans): public words need the crisis lead and legal, internal ones HR. */
export const DEFAULT_APPROVER_ROLES: Readonly<Record<StatementKind, readonly string[]>> = {
  holding: ['crisisLead', 'legal'],
  update: ['crisisLead', 'legal'],
  apology: ['crisisLead', 'legal'],
  faq: ['crisisLead', 'legal'],
  press_release: ['crisisLead', 'legal'],
  reply: ['crisisLead', 'legal'],
  customer_service_script: ['crisisLead', 'customerServiceLead'],
  internal_memo: ['crisisLead', 'hrInternalComms'],
};

export const statementIdSchema = z.uuid();
const textSchema = z.string().max(20_000);
const personSchema = z.string().trim().min(1).max(120);
const roleSchema = z.string().trim().min(1).max(80);

/** A channel-specific rewrite of a twin; absent means the channel takes the main text. */
export const variantSchema = z.object({ fr: textSchema.optional(), en: textSchema.optional() });
export const variantsSchema = z.partialRecord(channelSchema, variantSchema);
export type Variants = z.infer<typeof variantsSchema>;

/** Everything an approval covers: the hash of this object is what an approver signs. */
export const statementContentSchema = z.object({
  title: z.string().trim().min(1).max(200),
  textFr: textSchema,
  textEn: textSchema,
  channels: z.array(channelSchema).max(9),
  variants: variantsSchema,
});
export type StatementContent = z.infer<typeof statementContentSchema>;

export const decisionSchema = z.object({
  seq: z.number().int(),
  decision: z.enum(['approved', 'rejected']),
  person: z.string(),
  role: z.string(),
  reason: z.string().nullable(),
  contentHash: z.string(),
  decidedAt: z.iso.datetime(),
  /** False once the text changed after this decision: it no longer counts. */
  current: z.boolean(),
  /** The cell laptop whose device key signed it (null: decided outside a cell). */
  deviceId: z.string().nullable(),
  /** False when its signature or content hash did not hold: shown as not genuine, never counted. */
  genuine: z.boolean(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const diffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export const fieldDiffSchema = z.object({ field: z.string(), parts: z.array(diffPartSchema) });
export type FieldDiff = z.infer<typeof fieldDiffSchema>;

export const approvalStateSchema = z.enum(['draft', 'partially_approved', 'approved', 'rejected']);
export type ApprovalState = z.infer<typeof approvalStateSchema>;

export const OUTBOX_STATES = ['queued', 'sending', 'published', 'failed', 'manual', 'cancelled'] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxStateSchema>;

export const outboxItemSchema = z.object({
  id: z.uuid(),
  statementId: statementIdSchema,
  channel: channelSchema,
  language: languageSchema,
  parts: z.array(z.string()),
  state: outboxStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  /** The same, as a catalogue key and values for the reader's language, when it is a known problem. */
  lastErrorMessage: healthMessageSchema.nullable(),
  url: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  confirmedBy: z.string().nullable(),
  postedCount: z.number().int(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const statementSchema = statementContentSchema.extend({
  id: statementIdSchema,
  incidentId: z.string(),
  kind: statementKindSchema,
  templateId: z.string().nullable(),
  replyToMentionId: z.string().nullable(),
  revision: z.number().int(),
  contentHash: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  approvalState: approvalStateSchema,
  requiredRoles: z.array(z.string()),
  /** Roles whose approval covers the current text. */
  approvedRoles: z.array(z.string()),
});
export type Statement = z.infer<typeof statementSchema>;

/** In a cell: who is publishing the statement's current content and since when, and what the cell's laptops posted. */
export const cellPublishingSchema = z.object({
  /** The claim in charge while no post is shared yet; null once one is. */
  pending: z.object({ memberName: z.string().nullable(), deviceId: z.string(), since: z.iso.datetime() }).nullable(),
  posts: z.array(z.object({ channel: z.string(), language: z.string(), url: z.string().nullable(), at: z.iso.datetime(), memberName: z.string().nullable() })),
});
export type CellPublishing = z.infer<typeof cellPublishingSchema>;

export const statementDetailSchema = z.object({
  statement: statementSchema,
  decisions: z.array(decisionSchema),
  /** What changed since the last approval, when the text was edited after one; empty otherwise. */
  diffSinceApproval: z.array(fieldDiffSchema),
  outbox: z.array(outboxItemSchema),
  cellPublishing: cellPublishingSchema.optional(),
});
export type StatementDetail = z.infer<typeof statementDetailSchema>;

export const newStatementSchema = z.object({
  incidentId: z.uuid(),
  kind: statementKindSchema,
  title: z.string().trim().min(1).max(200),
  textFr: textSchema.default(''),
  textEn: textSchema.default(''),
  channels: z.array(channelSchema).max(9).default([]),
  variants: variantsSchema.default({}),
  templateId: z.string().max(80).nullable().default(null),
  replyToMentionId: z.string().max(200).nullable().default(null),
  author: personSchema,
});
export type NewStatement = z.input<typeof newStatementSchema>;

export const statementPatchSchema = statementContentSchema.partial();
export const approverSchema = z.object({ person: personSchema, role: roleSchema });

export const manualConfirmationSchema = z.object({
  person: personSchema,
  publishedAt: z.iso.datetime(),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
});

export const mastodonAccountSchema = z.object({
  instanceUrl: z.url({ protocol: /^https?$/ }).max(300),
  accessToken: z.string().trim().min(1).max(500),
  visibility: z.enum(['public', 'unlisted', 'private']).default('public'),
  /** Instances may raise the 500-character default (glitch-soc, Akkoma…). */
  maxCharacters: z.number().int().min(100).max(100_000).default(500),
});
export const blueskyAccountSchema = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }).max(300),
  identifier: z.string().trim().min(1).max(300),
  appPassword: z.string().trim().min(1).max(300),
});
export const publishAccountSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('mastodon'), config: mastodonAccountSchema }),
  z.object({ channel: z.literal('bluesky'), config: blueskyAccountSchema }),
]);
export type PublishAccount = z.infer<typeof publishAccountSchema>;
export type MastodonAccount = z.infer<typeof mastodonAccountSchema>;
export type BlueskyAccount = z.infer<typeof blueskyAccountSchema>;

/** The text one channel publishes in one language: its variant if written, else the main twin. */
export function channelText(content: Pick<StatementContent, 'textFr' | 'textEn' | 'variants'>, channel: Channel, language: StatementLanguage): string {
  const variant = content.variants[channel]?.[language];
  if (variant !== undefined && variant.trim() !== '') return variant;
  return language === 'fr' ? content.textFr : content.textEn;
}

export const freezeChangeSchema = z.object({
  action: z.enum(['freeze', 'unfreeze']),
  person: z.string(),
  reason: z.string(),
  at: z.iso.datetime(),
});

/** A campaign of the plan's register with its freeze state in this workspace. */
export const campaignStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  channels: z.array(z.string()),
  owner: z.string(),
  ownerPhone: z.string(),
  howToFreeze: z.object({ fr: z.string(), en: z.string() }),
  planStatus: z.enum(['running', 'scheduled', 'paused', 'ended']),
  frozen: z.boolean(),
  lastChange: freezeChangeSchema.extend({ campaignId: z.string() }).nullable(),
});
export type CampaignState = z.infer<typeof campaignStateSchema>;
