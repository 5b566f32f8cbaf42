// One feed entry → MentionInput: stable external id, real article link, outlet name (Google News, Alerts).
import { createHash } from 'node:crypto';
import type { MentionInput } from '../../../../../shared/domain/mention';
import { displayUrl } from '../../../mentions';
import type { FeedEntry, ParsedFeed } from './feedEntry';

const GOOGLE_NEWS_HOST = 'news.google.com';
/** Google News titles read "Headline - Publisher". */
const PUBLISHER_SUFFIX = /^(.*\S)\s+-\s+([^-]{1,120})$/;
/** Google Alerts feeds are titled "Google Alert - <query>", as Google writes it. */
const GOOGLE_ALERTS_TITLE = /^Google Alert/;

export interface FeedContext {
  readonly feed: ParsedFeed;
  /** Final URL the feed was fetched from. */
  readonly feedUrl: string;
  readonly now: Date;
}

export function isGoogleNewsFeed(feedUrl: string): boolean {
  try {
    return new URL(feedUrl).hostname === GOOGLE_NEWS_HOST;
  } catch {
    return false;
  }
}

export function feedEntryToMention(entry: FeedEntry, { feed, feedUrl, now }: FeedContext): MentionInput {
  const published = [entry.published, entry.updated].find(storable) ?? now;
  let title = entry.title ?? undefined;
  let sourceName = feed.title ?? undefined;
  if (isGoogleNewsFeed(feedUrl) && title) {
    const match = PUBLISHER_SUFFIX.exec(title);
    if (match?.[1] && match[2]) {
      title = match[1];
      sourceName = match[2].trim();
    }
  } else if (GOOGLE_ALERTS_TITLE.test(feed.title ?? '')) {
    // Alerts mix outlets in one feed: the article's own host says where it was published.
    const host = hostOf(displayUrl(entry.url ?? undefined));
    if (host) sourceName = host;
  }
  return {
    externalId: ([entry.id, entry.url].map((v) => v?.trim()).find((v) => !!v) ?? fallbackId(entry)).slice(0, 2048),
    url: entry.url?.slice(0, 4096) ?? undefined,
    author: { displayName: entry.author?.slice(0, 512) ?? undefined, kind: 'media' },
    text: (entry.content ?? entry.description ?? entry.title ?? '').slice(0, 1_000_000),
    title: title?.slice(0, 4096),
    language: feed.language?.slice(0, 35) ?? undefined,
    publishedAt: published.toISOString(),
    engagement: {},
    sourceName: sourceName?.slice(0, 512),
  };
}

/** ISO 8601 with a four-digit year: feeds do carry dates like year 20260 or 0001, which are typos, not times. */
function storable(date: Date | null): date is Date {
  if (!date) return false;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999;
}

/** Entries with neither id nor link: a hash of what they say and their own date is stable across polls. */
function fallbackId(entry: FeedEntry): string {
  const date = [entry.published, entry.updated].find(storable)?.toISOString() ?? '';
  return `sha256:${createHash('sha256').update(`${entry.title ?? ''}\n${entry.description ?? ''}\n${date}`).digest('hex')}`;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
