// Publishes to Mastodon: POST /api/v1/statuses with an Idempotency-Key, and a look at the account's recent
// statuses before any resend (Mastodon forgets idempotency keys after an hour; an outage can last longer).
import { z } from 'zod';
import { healthMessage } from '../../../../shared/domain/healthMessage';
import { mastodonAccountSchema } from '../../../../shared/domain/statement';
import { comparableHtml, comparablePlain, shownByMastodon } from './mastodonText';
import { errorForStatus, parseJson, PublishError, retryTime, safeJson, type ChannelPublisher, type Posted, type PublishContext } from './publisher';

const statusSchema = z.object({
  id: z.string().min(1).max(100),
  url: z.string().max(2000).nullable().optional(),
  uri: z.string().max(2000).optional(),
  content: z.string().max(200_000).default(''),
  created_at: z.string().optional(),
  in_reply_to_id: z.string().nullable().optional(),
  mentions: z.array(z.object({ username: z.string().max(300), acct: z.string().max(600) })).max(500).default([]),
});
const accountSchema = z.object({ id: z.string().min(1).max(100), username: z.string().min(1).max(300), acct: z.string().min(1).max(600) });
const errorSchema = z.object({ error: z.string().max(2000) });

const SERVICE = 'Mastodon';
// How far back a previous attempt may have landed (clock skew between the laptop and the instance included).
const SKEW_MS = 10 * 60_000;
const MAX_PAGES = 25;

export function createMastodonPublisher(): ChannelPublisher {
  async function request(ctx: PublishContext, method: 'GET' | 'POST', path: string, body?: unknown, extra: Record<string, string> = {}) {
    const account = mastodonAccountSchema.parse(ctx.account);
    const url = new URL(path, account.instanceUrl.endsWith('/') ? account.instanceUrl : `${account.instanceUrl}/`).toString();
    const response = await ctx.gate.request(url, {
      method,
      purpose: ctx.purpose,
      timeoutMs: ctx.timeoutMs,
      maxBytes: 2 * 1024 * 1024,
      headers: {
        Authorization: `Bearer ${account.accessToken}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 200 && response.status <= 299) return parseJson(SERVICE, response.text());
    const refusal = errorSchema.safeParse(safeJson(response.text()));
    const host = new URL(url).host;
    if (response.status === 429) {
      // Mastodon says when its window resets (ISO date); Retry-After, when sent, wins.
      const at = retryTime(response.headers.get('retry-after'), response.headers.get('x-ratelimit-reset'), new Date());
      throw new PublishError(healthMessage('mastodonRateLimited', { host }), false, at);
    }
    if (response.status === 401) throw new PublishError(healthMessage('mastodonTokenRefused', { host }), true);
    if (response.status === 422 && refusal.success) throw new PublishError(healthMessage('mastodonRefusedText', { detail: refusal.data.error.slice(0, 300) }), true);
    throw errorForStatus(SERVICE, response.status, response.text());
  }

  return {
    threadsRepliesTo: 'mastodon',

    // The mention's id is its ActivityPub URI, the same on every instance; the account's own instance gives
    // its local id for it (fetching it from the origin server if it has never seen it).
    async findTarget(ctx, uri) {
      const query = new URLSearchParams({ q: uri, type: 'statuses', resolve: 'true', limit: '1' }).toString();
      const found = z.object({ statuses: z.array(z.unknown()) }).safeParse(await request(ctx, 'GET', `api/v2/search?${query}`));
      const status = found.success ? statusSchema.safeParse(found.data.statuses[0]) : undefined;
      if (!status?.success) return undefined;
      const parent = toPosted(status.data);
      return { parent, root: parent };
    },

    async findExisting(ctx) {
      const me = accountSchema.safeParse(await request(ctx, 'GET', 'api/v1/accounts/verify_credentials'));
      if (!me.success) throw new PublishError(healthMessage('mastodonUnreadableAccount'), false);
      const since = Date.parse(ctx.queuedAt) - SKEW_MS;
      // Page back through the account's statuses until older than the queueing time: other posts may have
      // gone out since the attempt whose answer was lost.
      let maxId: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const query = `limit=40&exclude_reblogs=true${maxId ? `&max_id=${encodeURIComponent(maxId)}` : ''}`;
        const list = z.array(z.unknown()).safeParse(await request(ctx, 'GET', `api/v1/accounts/${encodeURIComponent(me.data.id)}/statuses?${query}`));
        if (!list.success) throw new PublishError(healthMessage('mastodonUnreadableStatuses'), false);
        let reachedOlder = list.data.length === 0;
        for (const item of list.data) {
          const status = statusSchema.safeParse(item);
          if (!status.success) continue;
          const s = status.data;
          maxId = s.id;
          if (s.created_at && Date.parse(s.created_at) < since) {
            reachedOlder = true;
            continue;
          }
          if ((s.in_reply_to_id ?? null) !== (ctx.parent?.id ?? null)) continue;
          if (comparableHtml(s.content) === comparablePlain(shownByMastodon(ctx.text, s.mentions, me.data))) return toPosted(s);
        }
        if (reachedOlder) return undefined;
      }
      throw new PublishError(healthMessage('mastodonTooManyRecent'), false);
    },

    async post(ctx) {
      const account = mastodonAccountSchema.parse(ctx.account);
      const answer = statusSchema.safeParse(
        await request(
          ctx,
          'POST',
          'api/v1/statuses',
          {
            status: ctx.text,
            visibility: account.visibility,
            language: ctx.language,
            ...(ctx.parent ? { in_reply_to_id: ctx.parent.id } : {}),
          },
          { 'Idempotency-Key': ctx.key },
        ),
      );
      if (!answer.success) throw new PublishError(healthMessage('publishUnreadableAnswer', { service: 'Mastodon' }), false);
      return toPosted(answer.data);
    },
  };
}

function toPosted(s: z.infer<typeof statusSchema>): Posted {
  const url = s.url ?? s.uri ?? null;
  return { id: s.id, url: url && /^https?:\/\//i.test(url) ? url : null };
}
