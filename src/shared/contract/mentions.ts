// Mention calls: the searchable stream, one mention, manual capture. Charts read the rollups through `dashboard:*`.
import { z } from 'zod';
import { call, event } from './define';
import { captureInputSchema } from '../domain/capture';
import { mentionFilterSchema, storedMentionSchema } from '../domain/storedMention';
import { workspaceIdSchema } from '../domain/workspace';

export const mentionsCalls = {
  'mentions:search': call(
    z.object({
      workspaceId: workspaceIdSchema,
      filter: mentionFilterSchema.default({}),
      limit: z.number().int().min(1).max(500).default(100),
      /** Keyset paging: only mentions older than this one (by publication, then id). */
      before: z.object({ publishedAt: z.iso.datetime(), id: z.number().int() }).optional(),
    }),
    z.object({ items: z.array(storedMentionSchema), hasMore: z.boolean() }),
  ),
  /** How many mentions a search matches, counted up to SEARCH_COUNT_CAP (`more` past it). */
  'mentions:count': call(
    z.object({ workspaceId: workspaceIdSchema, filter: mentionFilterSchema.default({}) }),
    z.object({ count: z.number().int().nonnegative(), more: z.boolean() }),
  ),
  'mentions:get': call(z.object({ workspaceId: workspaceIdSchema, id: z.number().int().positive() }), storedMentionSchema),
  'mentions:capture': call(
    z.object({ workspaceId: workspaceIdSchema, capture: captureInputSchema }),
    z.object({ id: z.number().int().nullable(), duplicate: z.boolean() }),
  ),
} as const;

export const mentionsEvents = {
  /** Coalesced: at most a few per second per workspace, whatever the ingestion rate. */
  'mentions:changed': event(z.object({ workspaceId: workspaceIdSchema, sourceIds: z.array(z.number().int()) })),
} as const;
