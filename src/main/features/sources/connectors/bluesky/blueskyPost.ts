// The PostView fields Tocsin reads (app.bsky.feed.defs#postView, record app.bsky.feed.post), checked before use.
import { z } from 'zod';
import { inEnglish } from '../../../../platform/i18n/failure';

const count = z.number().int().nonnegative().catch(0);

export const postRecordSchema = z.object({
  text: z.string().max(100_000),
  createdAt: z.string(),
  langs: z.array(z.string()).nullish(),
  reply: z.object({ parent: z.object({ uri: z.string() }).nullish() }).nullish(),
});

export const postViewSchema = z.object({
  uri: z.string().regex(/^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/, inEnglish('socialSources.failures.notAPostUri')),
  cid: z.string(),
  author: z.object({
    did: z.string().startsWith('did:'),
    handle: z.string(),
    displayName: z.string().nullish(),
  }),
  record: postRecordSchema,
  replyCount: count,
  repostCount: count,
  likeCount: count,
  quoteCount: count,
  indexedAt: z.iso.datetime({ offset: true }),
});
export type PostView = z.infer<typeof postViewSchema>;

/** Web address of a post: https://bsky.app/profile/<handle or did>/post/<rkey>. */
export function postWebUrl(uri: string, handle: string): string {
  const [, , did, , rkey] = uri.split('/');
  const who = handle && handle !== 'handle.invalid' ? handle : did;
  return `https://bsky.app/profile/${encodeURIComponent(who ?? '')}/post/${encodeURIComponent(rkey ?? '')}`;
}
