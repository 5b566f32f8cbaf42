// Maps a Bluesky post (search result or Jetstream record) to a MentionInput.
import type { MentionInput } from '../../../../../shared/domain/mention';
import { postWebUrl, type PostView } from './blueskyPost';

export interface PostFields {
  readonly uri: string;
  readonly handle?: string;
  readonly displayName?: string;
  readonly text: string;
  readonly createdAt: string;
  readonly fallbackTime: string;
  readonly langs?: readonly string[] | null;
  readonly replyTo?: string;
  readonly likes?: number;
  readonly shares?: number;
  readonly replies?: number;
}

export function postToMention(post: PostFields): MentionInput {
  return {
    externalId: post.uri,
    url: postWebUrl(post.uri, post.handle ?? ''),
    author: {
      handle: post.handle ? `@${post.handle}` : undefined,
      displayName: post.displayName || undefined,
      kind: 'unknown',
    },
    text: post.text,
    language: post.langs?.[0] || undefined,
    // createdAt is whatever the author's client claims; the relay's time is used when it is not a real date.
    publishedAt: isIsoDate(post.createdAt) ? new Date(post.createdAt).toISOString() : post.fallbackTime,
    engagement: { likes: post.likes, shares: post.shares, replies: post.replies },
    replyToExternalId: post.replyTo,
    sourceName: 'Bluesky',
  };
}

export const postViewToMention = (view: PostView): MentionInput =>
  postToMention({
    uri: view.uri,
    handle: view.author.handle,
    displayName: view.author.displayName ?? undefined,
    text: view.record.text,
    createdAt: view.record.createdAt,
    fallbackTime: new Date(view.indexedAt).toISOString(),
    langs: view.record.langs,
    replyTo: view.record.reply?.parent?.uri,
    likes: view.likeCount,
    shares: view.repostCount,
    replies: view.replyCount,
  });

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return false;
  const year = new Date(value).getUTCFullYear();
  return Number.isFinite(year) && year >= 2000 && year <= 2100;
}
