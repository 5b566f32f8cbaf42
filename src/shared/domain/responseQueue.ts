// The response queue: mentions that need an answer, and what the cell did about each.
import { z } from 'zod';

/** `employee`: a post by the firm's own staff (a declared staff account, or an employee author), for HR and communications. */
export const RESPONSE_REASONS = ['question', 'complaint', 'journalist', 'manual', 'employee'] as const;
export const responseReasonSchema = z.enum(RESPONSE_REASONS);
export type ResponseReason = z.infer<typeof responseReasonSchema>;
export const responseFlaggerSchema = z.enum(['rules', 'people']);
export type ResponseFlagger = z.infer<typeof responseFlaggerSchema>;

/** Most mentions one bulk flag puts in the queue: past it, the search is too broad to answer one by one. */
export const BULK_FLAG_LIMIT = 1000;
/** Matches counted before a search result says "more than". */
export const SEARCH_COUNT_CAP = 10_000;

export const RESPONSE_STATES = ['open', 'replying', 'answered', 'offline', 'dismissed'] as const;
export const responseStateSchema = z.enum(RESPONSE_STATES);
export type ResponseState = z.infer<typeof responseStateSchema>;

export const bulkFlagResultSchema = z.object({
  /** Mentions the search matched, all of them flagged or already in the queue. */
  matched: z.number().int().nonnegative(),
  /** Put in the queue by this call. */
  flagged: z.number().int().nonnegative(),
  /** Already in the queue: they keep the reason and flagger they first had. */
  alreadyQueued: z.number().int().nonnegative(),
});
export type BulkFlagResult = z.infer<typeof bulkFlagResultSchema>;

export const responseItemSchema = z.object({
  mentionId: z.number().int(),
  reason: responseReasonSchema,
  flaggedBy: z.string(),
  flaggedAt: z.iso.datetime(),
  assignedRole: z.string().nullable(),
  state: responseStateSchema,
  statementId: z.string().nullable(),
  note: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledAt: z.iso.datetime().nullable(),
  mention: z.object({
    text: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    authorName: z.string().nullable(),
    authorHandle: z.string().nullable(),
    authorKind: z.string(),
    authorAudience: z.number().nullable(),
    sourceKind: z.string(),
    publishedAt: z.string(),
    language: z.string().nullable(),
  }),
});
export type ResponseItem = z.infer<typeof responseItemSchema>;

/**
 * Keyset position in the queue's order (largest audience first, no audience last as -1, then newest flag, then
 * mention id): the next page starts after it, however long the queue.
 */
export const responseCursorSchema = z.object({ audience: z.number().int().min(-1), flaggedAt: z.iso.datetime(), mentionId: z.number().int() });
export type ResponseCursor = z.infer<typeof responseCursorSchema>;
export const responsePageSchema = z.object({ items: z.array(responseItemSchema), next: responseCursorSchema.nullable() });
export type ResponsePage = z.infer<typeof responsePageSchema>;

export const responseCountsSchema = z.object({
  open: z.number().int(),
  replying: z.number().int(),
  answered: z.number().int(),
  offline: z.number().int(),
  dismissed: z.number().int(),
  /** Not answered yet: open plus replies still being drafted or approved. */
  unanswered: z.number().int(),
});
export type ResponseCounts = z.infer<typeof responseCountsSchema>;
