// The Mastodon Status entity fields Tocsin reads (docs.joinmastodon.org/entities/Status), checked before use:
// any instance may send anything.
import { z } from 'zod';

const count = z.number().int().nonnegative().catch(0);

export const mastodonAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().catch(''),
  url: z.string().nullish(),
  followers_count: count,
  bot: z.boolean().nullish(),
});

const baseStatus = z.object({
  id: z.string().regex(/^\d{1,30}$/),
  uri: z.string().min(1),
  url: z.string().nullish(),
  created_at: z.iso.datetime({ offset: true }),
  account: mastodonAccountSchema,
  content: z.string(),
  spoiler_text: z.string().catch(''),
  visibility: z.string().catch('public'),
  language: z.string().nullish(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  in_reply_to_id: z.string().nullish(),
});

export const mastodonStatusSchema = baseStatus.extend({ reblog: baseStatus.nullish() });
export type MastodonStatus = z.infer<typeof mastodonStatusSchema>;
export type MastodonBaseStatus = z.infer<typeof baseStatus>;

/** Status ids are integers as strings (often beyond 2^53): compare them as such. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
