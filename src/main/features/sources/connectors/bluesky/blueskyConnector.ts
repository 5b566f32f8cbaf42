// Bluesky connector: app.bsky.feed.searchPosts (sort=latest) with an app-password session, through the gate.
// The cursor keeps the newest indexedAt seen (and the session); each poll asks for posts since then and
// follows the search cursor page by page, so after an outage what was missed is fetched.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import { z } from 'zod';
import type { MentionInput } from '../../../../../shared/domain/mention';
import { ConnectorError } from '../connectorError';
import type { Connector, PollContext, PollResult } from '../types';
import { validateBlueskyConfig } from './blueskyConfig';
import { postViewSchema } from './blueskyPost';
import { sessionSchema, withSession } from './blueskySession';
import { postViewToMention } from './postToMention';
import { xrpc, XrpcError, xrpcFailure, type XrpcOptions } from './xrpc';
import { inEnglish } from '../../../../platform/i18n/failure';

const PAGE_LIMIT = 100;
const MAX_PAGES_PER_POLL = 10;
const DEFAULT_TIMEOUT_MS = 20_000;
/** Search filters on sortAt, which can trail indexedAt a little: ask from a few minutes earlier (dedupe drops repeats). */
const SINCE_REWIND_MS = 5 * 60_000;

const cursorSchema = z.object({ since: z.iso.datetime().optional(), session: sessionSchema.optional() });
const searchSchema = z.object({ cursor: z.string().max(2048).nullish(), posts: z.array(z.unknown()) });

export const blueskyConnector: Connector = {
  kind: 'bluesky',
  defaultIntervalSeconds: 120,
  validateConfig: (config) => void validateBlueskyConfig(config),

  async poll({ gate, signal, config, credentials, cursor, now }: PollContext): Promise<PollResult> {
    const settings = validateBlueskyConfig(config);
    const options: XrpcOptions = {
      gate,
      service: settings.service,
      signal,
      timeoutMs: settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS,
    };
    const previous = cursorSchema.safeParse(cursor ?? {}).data ?? {};
    // Live-only sources (Jetstream, no account) have nothing to search: the live feed is their whole job.
    if (settings.jetstream && !credentials.identifier?.trim() && !credentials.appPassword?.trim()) {
      return { mentions: [], cursor: cursor ?? null };
    }
    const host = new URL(settings.service).host;
    const mentions: MentionInput[] = [];
    const rejected: { reason: string }[] = [];
    let newest = previous.since;
    let session = previous.session;
    let pageCursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
        const query = {
          q: settings.query,
          sort: 'latest',
          limit: String(PAGE_LIMIT),
          since: previous.since ? new Date(Date.parse(previous.since) - SINCE_REWIND_MS).toISOString() : undefined,
          lang: settings.lang,
          cursor: pageCursor,
        };
        const result = await withSession(options, credentials, session, (accessJwt) =>
          xrpc(options, 'app.bsky.feed.searchPosts', { query, bearer: accessJwt }),
        );
        session = result.session;
        const parsed = searchSchema.safeParse(result.value);
        if (!parsed.success) throw new ConnectorError('unparseable', healthMessage('blueskyUnexpectedResult', { host }));
        for (const item of parsed.data.posts) {
          const post = postViewSchema.safeParse(item);
          if (!post.success) {
            const issue = post.error.issues[0];
            rejected.push({ reason: inEnglish('socialSources.failures.malformedPost', { detail: issue ? ` (${issue.path.join('.')}: ${issue.message})` : '' }) });
            continue;
          }
          mentions.push(postViewToMention(post.data));
          const indexedAt = new Date(post.data.indexedAt).toISOString();
          if (!newest || indexedAt > newest) newest = indexedAt;
        }
        pageCursor = parsed.data.cursor ?? undefined;
        // First poll: the latest page is enough; later polls page until the gap since `since` is closed.
        if (!previous.since || !pageCursor || parsed.data.posts.length === 0) break;
      }
    } catch (error) {
      if (error instanceof XrpcError) throw xrpcFailure(error, host, now);
      throw error;
    }
    return { mentions, cursor: { since: newest, session }, rejected };
  },
};
