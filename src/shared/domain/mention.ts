// A mention as every connector hands it to ingestion, before dedupe, tone and storage.
import { z } from 'zod';

export const sourceKindSchema = z.enum(['rss', 'mastodon', 'bluesky', 'file', 'webhook', 'manual', 'exercise']);
export type SourceKind = z.infer<typeof sourceKindSchema>;

export const authorKindSchema = z.enum(['media', 'journalist', 'politician', 'influencer', 'public', 'employee', 'unknown']);
export type AuthorKind = z.infer<typeof authorKindSchema>;

export const mentionInputSchema = z.object({
  /** Identifier unique within the source (status id, AT URI, feed entry id/link, file row key). */
  externalId: z.string().min(1).max(2048),
  url: z.string().max(4096).optional(),
  author: z.object({
    handle: z.string().max(512).optional(),
    displayName: z.string().max(512).optional(),
    /** Followers, circulation or audience estimate. */
    audience: z.number().int().nonnegative().optional(),
    kind: authorKindSchema.default('unknown'),
    /** The network's verified badge, when the source says. */
    verified: z.boolean().optional(),
  }),
  /** Original text or HTML as received; ingestion keeps it and derives a sanitised plain text. */
  text: z.string().max(1_000_000),
  title: z.string().max(4096).optional(),
  /** Language announced by the source (BCP 47); detection fills it when missing. */
  language: z.string().max(35).optional(),
  publishedAt: z.iso.datetime({ offset: true }),
  engagement: z
    .object({
      likes: z.number().int().nonnegative().optional(),
      shares: z.number().int().nonnegative().optional(),
      replies: z.number().int().nonnegative().optional(),
    })
    .default({}),
  replyToExternalId: z.string().max(2048).optional(),
  /** Outlet or network name shown to people (e.g. "Le Temps", "mastodon.social"). */
  sourceName: z.string().max(512).optional(),
  /** Hashtags as the source lists them, each with its leading #. */
  hashtags: z.array(z.string().min(2).max(140)).max(100).optional(),
  /** The sentiment a monitoring agency gave the post: kept beside our own tone, never in its place. */
  agencyTone: z.enum(['negative', 'neutral', 'positive']).optional(),
});
export type MentionInput = z.infer<typeof mentionInputSchema>;
