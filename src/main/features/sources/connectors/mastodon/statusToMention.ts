// Maps a Mastodon status to a MentionInput. A boost counts as its original post, so the same post seen
// through several boosts is stored once.
import type { MentionInput } from '../../../../../shared/domain/mention';
import type { MastodonBaseStatus, MastodonStatus } from './mastodonStatus';

export function statusToMention(status: MastodonStatus, instanceHost: string): MentionInput {
  const post: MastodonBaseStatus = status.reblog ?? status;
  const acct = post.account.acct.includes('@') ? post.account.acct : `${post.account.acct}@${instanceHost}`;
  return {
    // The URI is the same on every instance, so one post found through two instances is one mention.
    externalId: post.uri,
    url: post.url ?? post.uri,
    author: {
      handle: `@${acct}`,
      displayName: post.account.display_name || undefined,
      audience: post.account.followers_count,
      kind: 'unknown',
    },
    text: post.content,
    title: post.spoiler_text || undefined,
    language: post.language ?? undefined,
    publishedAt: post.created_at,
    engagement: { likes: post.favourites_count, shares: post.reblogs_count, replies: post.replies_count },
    sourceName: instanceHost,
  };
}
