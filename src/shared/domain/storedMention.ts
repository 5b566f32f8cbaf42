// A mention as stored and shown: sanitised text, canonical URL, tone, the watches it belongs to.
import { z } from 'zod';
import { authorKindSchema, sourceKindSchema } from './mention';

export const toneClassSchema = z.enum(['negative', 'neutral', 'positive']);
export type ToneClass = z.infer<typeof toneClassSchema>;

export const storedMentionSchema = z.object({
  id: z.number().int().positive(),
  sourceId: z.number().int().positive(),
  sourceKind: sourceKindSchema,
  /** Outlet or network of the post, else the source's own name. */
  sourceName: z.string().nullable(),
  /** The name the person gave the source (e.g. the agency export it came from). */
  sourceLabel: z.string(),
  externalId: z.string(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  author: z.object({
    handle: z.string().nullable(),
    displayName: z.string().nullable(),
    audience: z.number().int().nullable(),
    kind: authorKindSchema,
    verified: z.boolean().nullable(),
  }),
  hashtags: z.array(z.string()),
  title: z.string().nullable(),
  /** Plain text after sanitising; render as text, never as HTML. */
  text: z.string(),
  language: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  fetchedAt: z.iso.datetime(),
  engagement: z.object({ likes: z.number().nullable(), shares: z.number().nullable(), replies: z.number().nullable() }),
  replyToExternalId: z.string().nullable(),
  toneClass: toneClassSchema.nullable(),
  toneScore: z.number().nullable(),
  toneCorrected: z.boolean(),
  /** The agency's sentiment when the mention came from its export, kept beside ours. */
  agencyTone: toneClassSchema.nullable(),
  watchIds: z.array(z.number().int()),
});
export type StoredMention = z.infer<typeof storedMentionSchema>;

export const mentionFilterSchema = z.object({
  /** Full-text query (accent- and case-insensitive); words are ANDed, "quoted phrases" kept. */
  query: z.string().max(500).optional(),
  watchId: z.number().int().positive().optional(),
  sourceId: z.number().int().positive().optional(),
  language: z.string().max(8).optional(),
  tone: z.union([toneClassSchema, z.literal('none')]).optional(),
  minAudience: z.number().int().nonnegative().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type MentionFilter = z.infer<typeof mentionFilterSchema>;
