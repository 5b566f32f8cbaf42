// Composer calls and events: statements, draft-check rules, approvals, outbox and publishing accounts.
import { z } from 'zod';
import { channelSchema } from '../composer/channels';
import { draftRuleSetSchema } from '../composer/draftRules';
import { goingOfflineSchema } from '../composer/goingOffline';
import {
  approverSchema,
  campaignStateSchema,
  manualConfirmationSchema,
  newStatementSchema,
  outboxItemSchema,
  publishAccountSchema,
  statementDetailSchema,
  statementIdSchema,
  statementPatchSchema,
  statementSchema,
} from '../domain/statement';
import { mentionFilterSchema } from '../domain/storedMention';
import { bulkFlagResultSchema, responseCountsSchema, responseCursorSchema, responseFlaggerSchema, responseItemSchema, responsePageSchema, responseReasonSchema, responseStateSchema, RESPONSE_REASONS, RESPONSE_STATES } from '../domain/responseQueue';
import { workspaceIdSchema } from '../domain/workspace';
import { call, event } from './define';

const ws = { workspaceId: workspaceIdSchema };
const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

export const accountSummarySchema = z.object({
  channel: channelSchema,
  configured: z.boolean(),
  /** Instance or handle, never the secret. */
  target: z.string().nullable(),
  /** The instance's own post length, when it differs from the channel default. */
  maxCharacters: z.number().int().nullable(),
});

export const composerCalls = {
  'composer:rules': call(z.object({}), z.object({ fr: draftRuleSetSchema, en: draftRuleSetSchema })),
  'composer:unverifiedFacts': call(
    z.object({ ...ws, incidentId: z.string().max(80).nullable() }),
    z.array(z.object({ id: z.string(), text: z.string() })),
  ),
  'composer:list': call(z.object({ ...ws, incidentId: z.string().max(80).nullable().default(null) }), z.array(statementSchema)),
  'composer:get': call(z.object({ ...ws, statementId: statementIdSchema }), statementDetailSchema),
  'composer:create': call(z.object({ ...ws, statement: newStatementSchema }), statementDetailSchema),
  'composer:update': call(
    z.object({
      ...ws,
      statementId: statementIdSchema,
      /** The revision the editor started from: a concurrent edit answers CONFLICT instead of being overwritten. */
      expectedRevision: z.number().int().positive(),
      patch: statementPatchSchema,
      author: z.string().trim().min(1).max(120),
    }),
    statementDetailSchema,
  ),
  'composer:approve': call(
    z.object({ ...ws, statementId: statementIdSchema, approver: approverSchema, contentHash: contentHashSchema }),
    statementDetailSchema,
  ),
  'composer:reject': call(
    z.object({
      ...ws,
      statementId: statementIdSchema,
      approver: approverSchema,
      contentHash: contentHashSchema,
      reason: z.string().trim().min(1).max(2000),
    }),
    statementDetailSchema,
  ),
  'composer:queue': call(
    z.object({ ...ws, statementId: statementIdSchema, person: z.string().trim().min(1).max(120) }),
    statementDetailSchema,
  ),
  'composer:outbox': call(z.object({ ...ws }), z.array(outboxItemSchema)),
  'composer:confirmManual': call(
    z.object({ ...ws, outboxId: z.uuid(), confirmation: manualConfirmationSchema }),
    outboxItemSchema,
  ),
  'composer:retryNow': call(z.object({ ...ws, outboxId: z.uuid() }), outboxItemSchema),
  'composer:accounts': call(z.object({ ...ws }), z.array(accountSummarySchema)),
  'composer:setAccount': call(z.object({ ...ws, account: publishAccountSchema }), z.array(accountSummarySchema)),
  'composer:campaigns': call(z.object({ ...ws }), z.array(campaignStateSchema)),
  /** Whether pausing scheduled posts and freezing campaigns is suggested now; null when not. */
  'composer:goingOffline': call(z.object({ ...ws }), goingOfflineSchema.nullable()),
  'composer:freeze': call(
    z.object({
      ...ws,
      campaigns: z.union([z.array(z.string().min(1).max(80)).min(1).max(200), z.literal('all')]),
      action: z.enum(['freeze', 'unfreeze']),
      person: z.string().trim().min(1).max(120),
      reason: z.string().trim().min(1).max(1000),
      incidentId: z.uuid().nullable().default(null),
      /** The freeze answers the going-offline suggestion: the crisis log says it was acted on. */
      answersSuggestion: z.boolean().default(false),
    }),
    z.array(campaignStateSchema),
  ),
  /** With `incidentId`, only that incident's queue: mentions of its watches published in its period. One page, by keyset. */
  'composer:responses': call(
    z.object({
      ...ws,
      states: z.array(responseStateSchema).min(1).max(RESPONSE_STATES.length).default(['open', 'replying']),
      limit: z.number().int().min(1).max(500).default(50),
      incidentId: z.uuid().optional(),
      after: responseCursorSchema.optional(),
      /** Only items flagged for these reasons (a hand-flagged post is easy to find among thousands the rules flagged). */
      reasons: z.array(responseReasonSchema).min(1).max(RESPONSE_REASONS.length).optional(),
      /** Only what the triage rules flagged, or only what people flagged by hand. */
      flaggedBy: responseFlaggerSchema.optional(),
    }),
    responsePageSchema,
  ),
  'composer:responseCounts': call(z.object({ ...ws, incidentId: z.uuid().optional() }), responseCountsSchema),
  /** Someone puts a mention in the response queue by hand, saying why it needs an answer. */
  'composer:flagMention': call(
    z.object({ ...ws, mentionId: z.number().int().positive(), person: z.string().trim().min(1).max(120), reason: responseReasonSchema }),
    responseItemSchema,
  ),
  /** Puts every mention a stream search matches in the queue, with one reason; refused past BULK_FLAG_LIMIT. */
  'composer:flagSearch': call(
    z.object({ ...ws, filter: mentionFilterSchema, person: z.string().trim().min(1).max(120), reason: responseReasonSchema }),
    bulkFlagResultSchema,
  ),
  'composer:assignResponse': call(z.object({ ...ws, mentionId: z.number().int().positive(), role: z.string().trim().min(1).max(80).nullable() }), responseItemSchema),
  'composer:replyToMention': call(
    z.object({ ...ws, mentionId: z.number().int().positive(), incidentId: z.uuid(), person: z.string().trim().min(1).max(120) }),
    z.object({ item: responseItemSchema, statementId: statementIdSchema }),
  ),
  'composer:closeResponse': call(
    z.object({
      ...ws,
      mentionId: z.number().int().positive(),
      state: z.enum(['offline', 'dismissed']),
      note: z.string().trim().min(1).max(2000),
      person: z.string().trim().min(1).max(120),
      incidentId: z.uuid().nullable().default(null),
    }),
    responseItemSchema,
  ),
} as const;

export const composerEvents = {
  'composer:changed': event(z.object({ workspaceId: workspaceIdSchema, statementId: z.string().nullable() })),
  'composer:outboxChanged': event(z.object({ workspaceId: workspaceIdSchema })),
  'composer:goingOfflineChanged': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
