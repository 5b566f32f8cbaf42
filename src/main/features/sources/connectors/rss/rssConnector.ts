// RSS / Atom / JSON Feed connector: conditional GET through the outbound gate, decode, parse, map entries.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import { z } from 'zod';
import type { MentionInput } from '../../../../../shared/domain/mention';
import { ConnectorError, httpFailure } from '../connectorError';
import type { Connector, PollContext, PollResult } from '../types';
import { decodeFeedBytes } from './decodeFeedBytes';
import { feedEntryToMention } from './feedEntryToMention';
import { FeedParseError, parseFeedText } from './parseFeed';
import { inEnglish } from '../../../../platform/i18n/failure';

export const rssConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: inEnglish('sources.refusals.feedAddress') }).max(4096),
  /** Slow feeds give up after this long, so that one stuck server never holds a poll slot for minutes. */
  timeoutSeconds: z.number().int().min(1).max(120).optional(),
  /** The feed is on the cell's own network: its name may resolve to a private address (the allow-list says so). */
  localNetwork: z.boolean().optional(),
});

const cursorSchema = z.object({ etag: z.string().max(1024).optional(), lastModified: z.string().max(200).optional() }).partial();

const MAX_FEED_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;

export function validateRssConfig(config: unknown): z.infer<typeof rssConfigSchema> {
  const parsed = rssConfigSchema.safeParse(config);
  if (!parsed.success) throw new ConnectorError('config', healthMessage('settingsInvalid', { detail: parsed.error.issues[0]?.message ?? 'The feed address is missing.' }));
  return parsed.data;
}

export const rssConnector: Connector = {
  kind: 'rss',
  defaultIntervalSeconds: 600,
  validateConfig: (config) => void validateRssConfig(config),

  async poll({ gate, signal, config, cursor, now }: PollContext): Promise<PollResult> {
    const { url, timeoutSeconds } = validateRssConfig(config);
    const previous = cursorSchema.safeParse(cursor ?? {}).data ?? {};
    const headers: Record<string, string> = { accept: 'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;

    const response = await gate.request(url, { purpose: 'source:rss', signal, headers, timeoutMs: timeoutSeconds ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS, maxBytes: MAX_FEED_BYTES });
    const host = new URL(response.url).host;
    if (response.status === 304) return { mentions: [], cursor: cursor ?? null };
    if (response.status < 200 || response.status >= 300) {
      throw httpFailure(response.status, host, response.headers.get('retry-after'), now);
    }
    let feed;
    try {
      feed = parseFeedText(decodeFeedBytes(response.body, response.headers.get('content-type')));
    } catch (error) {
      if (error instanceof FeedParseError) {
        throw new ConnectorError('unparseable', error.notAFeed ? healthMessage('notAFeed', { host }) : healthMessage('feedUnreadable', { host, detail: error.detail }));
      }
      throw error;
    }
    const mentions: MentionInput[] = [];
    const rejected: { reason: string }[] = [];
    for (const entry of feed.entries) {
      try {
        mentions.push(feedEntryToMention(entry, { feed, feedUrl: response.url, now }));
      } catch (error) {
        rejected.push({ reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { mentions, cursor: etag || lastModified ? { etag, lastModified } : null, rejected };
  },
};
