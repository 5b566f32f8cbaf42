// Mention calls: the searchable stream, one mention, manual capture, and the per-minute series for charts.
import { z } from 'zod';
import { call, event } from './define';
import { captureInputSchema } from '../domain/capture';
import { mentionFilterSchema, storedMentionSchema } from '../domain/storedMention';
import { workspaceIdSchema } from '../domain/workspace';

export const rollupPointSchema = z.object({
  /** Start of the minute, UTC ISO. */
  at: z.iso.datetime(),
  count: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  positive: z.number().int(),
  audience: z.number(),
});
export type RollupPoint = z.infer<typeof rollupPointSchema>;

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
  'mentions:get': call(z.object({ workspaceId: workspaceIdSchema, id: z.number().int().positive() }), storedMentionSchema),
  'mentions:capture': call(
    z.object({ workspaceId: workspaceIdSchema, capture: captureInputSchema }),
    z.object({ id: z.number().int().nullable(), duplicate: z.boolean() }),
  ),
  /** Per-minute counts of one watch, read from the rollups (never from raw mentions). */
  'mentions:rollups': call(
    z.object({ workspaceId: workspaceIdSchema, watchId: z.number().int().positive(), from: z.iso.datetime(), to: z.iso.datetime() }),
    z.object({
      points: z.array(rollupPointSchema),
      byLanguage: z.record(z.string(), z.number().int()),
      bySource: z.record(z.string(), z.number().int()),
    }),
  ),
} as const;

export const mentionsEvents = {
  /** Coalesced: at most a few per second per workspace, whatever the ingestion rate. */
  'mentions:changed': event(z.object({ workspaceId: workspaceIdSchema, sourceIds: z.array(z.number().int()) })),
} as const;
