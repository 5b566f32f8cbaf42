// State of a source's live feed (Mastodon streaming, Bluesky Jetstream), shown beside its polling health.
import { z } from 'zod';
import { healthMessageSchema } from './healthMessage';

export const liveFeedStateSchema = z.enum(['connecting', 'live', 'waiting', 'refused', 'closed']);
export type LiveFeedState = z.infer<typeof liveFeedStateSchema>;

export const liveFeedStatusSchema = z.object({
  sourceId: z.number().int().positive(),
  state: liveFeedStateSchema,
  /** Why it is waiting or refused, in words (network error, sealed mode…). */
  detail: z.string().max(500).optional(),
  /** The same, for the reader's language, when it is one of the known problems. */
  detailMessage: healthMessageSchema.optional(),
});
export type LiveFeedStatus = z.infer<typeof liveFeedStatusSchema>;
