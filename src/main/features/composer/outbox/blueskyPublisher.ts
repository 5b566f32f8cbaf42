// Publishes to Bluesky through the user's PDS: createSession (app password), then createRecord with a
// deterministic rkey; before a resend, getRecord on that rkey tells whether the post already exists.
import { z } from 'zod';
import { healthMessage } from '../../../../shared/domain/healthMessage';
import { blueskyAccountSchema, type BlueskyAccount } from '../../../../shared/domain/statement';
import { linkFacets } from './blueskyFacets';
import { errorForStatus, parseJson, PublishError, type ChannelPublisher, type PublishContext } from './publisher';
import { recordKeyFor } from './recordKey';

const SERVICE = 'Bluesky';
const COLLECTION = 'app.bsky.feed.post';

const sessionSchema = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1).optional(),
  did: z.string().startsWith('did:'),
  handle: z.string().min(1),
});
const recordRefSchema = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const postsSchema = z.object({
  posts: z.array(recordRefSchema.extend({ record: z.object({ reply: z.object({ root: recordRefSchema }).optional() }) })),
});
const xrpcErrorSchema = z.object({ error: z.string().optional(), message: z.string().optional() });

interface Session {
  readonly accessJwt: string;
  readonly refreshJwt?: string;
  readonly did: string;
  readonly handle: string;
}

export function createBlueskyPublisher(): ChannelPublisher {
  // createSession is rate-limited hard (about 30 per 5 min): one session per account, reused until refused.
  const sessions = new Map<string, Session>();

  async function xrpc(ctx: PublishContext, account: BlueskyAccount, method: 'GET' | 'POST', nsid: string, init: { body?: unknown; token?: string; query?: string }) {
    const base = account.serviceUrl.endsWith('/') ? account.serviceUrl : `${account.serviceUrl}/`;
    const url = new URL(`xrpc/${nsid}${init.query ? `?${init.query}` : ''}`, base).toString();
    const response = await ctx.gate.request(url, {
      method,
      purpose: ctx.purpose,
      timeoutMs: ctx.timeoutMs,
      maxBytes: 1024 * 1024,
      headers: {
        Accept: 'application/json',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, text: response.text() };
  }

  async function session(ctx: PublishContext, account: BlueskyAccount): Promise<Session> {
    const id = `${account.serviceUrl}|${account.identifier}`;
    const cached = sessions.get(id);
    if (cached) return cached;
    const r = await xrpc(ctx, account, 'POST', 'com.atproto.server.createSession', {
      body: { identifier: account.identifier, password: account.appPassword },
    });
    if (r.status !== 200) throw errorForStatus(SERVICE, r.status, r.text);
    const parsed = sessionSchema.safeParse(parseJson(SERVICE, r.text));
    if (!parsed.success) throw new PublishError(healthMessage('blueskyUnreadableSession'), false);
    sessions.set(id, parsed.data);
    return parsed.data;
  }

  /** A new access token from the session's refresh token, or undefined when the server refuses it. */
  async function refreshed(ctx: PublishContext, account: BlueskyAccount, s: Session): Promise<Session | undefined> {
    if (!s.refreshJwt) return undefined;
    const r = await xrpc(ctx, account, 'POST', 'com.atproto.server.refreshSession', { token: s.refreshJwt });
    if (r.status !== 200) return undefined;
    const parsed = sessionSchema.safeParse(safeJson(r.text));
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Runs an authenticated call. An expired access token is refreshed first (access tokens last minutes, a crisis
   * lasts days, and createSession is the rate-limited call); only a refused refresh opens a new session.
   */
  async function authed(ctx: PublishContext, method: 'GET' | 'POST', nsid: string, init: { body?: (s: Session) => unknown; query?: (s: Session) => string }) {
    const account = blueskyAccountSchema.parse(ctx.account);
    const id = `${account.serviceUrl}|${account.identifier}`;
    let triedRefresh = false;
    for (let round = 0; round < 3; round += 1) {
      const s = await session(ctx, account);
      const r = await xrpc(ctx, account, method, nsid, { token: s.accessJwt, body: init.body?.(s), query: init.query?.(s) });
      const expired = r.status === 401 || (r.status === 400 && /ExpiredToken|InvalidToken/.test(r.text));
      if (!expired) return { ...r, session: s };
      const renewed = triedRefresh ? undefined : await refreshed(ctx, account, s);
      triedRefresh = true;
      if (renewed) sessions.set(id, renewed);
      else sessions.delete(id);
    }
    throw new PublishError(healthMessage('blueskySessionRefused'), true);
  }

  const webUrl = (s: Session, rkey: string): string => `https://bsky.app/profile/${encodeURIComponent(s.handle)}/post/${rkey}`;

  async function getRecord(ctx: PublishContext, rkey: string) {
    const r = await authed(ctx, 'GET', 'com.atproto.repo.getRecord', {
      query: (s) => new URLSearchParams({ repo: s.did, collection: COLLECTION, rkey }).toString(),
    });
    if (r.status === 200) {
      const ref = recordRefSchema.safeParse(parseJson(SERVICE, r.text));
      if (!ref.success) throw new PublishError(healthMessage('blueskyUnreadableRecord'), false);
      return { id: ref.data.uri, uri: ref.data.uri, cid: ref.data.cid, url: webUrl(r.session, rkey) };
    }
    const err = xrpcErrorSchema.safeParse(safeJson(r.text));
    if ((r.status === 400 || r.status === 404) && err.success && err.data.error === 'RecordNotFound') return undefined;
    throw errorForStatus(SERVICE, r.status, r.text);
  }

  return {
    threadsRepliesTo: 'bluesky',

    // A reply names the post it answers and the first post of its thread, each by uri and cid.
    async findTarget(ctx, uri) {
      const r = await authed(ctx, 'GET', 'app.bsky.feed.getPosts', { query: () => new URLSearchParams({ uris: uri }).toString() });
      if (r.status !== 200) throw errorForStatus(SERVICE, r.status, r.text);
      const found = postsSchema.safeParse(parseJson(SERVICE, r.text));
      const post = found.success ? found.data.posts.find((p) => p.uri === uri) : undefined;
      if (!post) return undefined;
      const parent = { id: post.uri, uri: post.uri, cid: post.cid, url: null };
      const root = post.record.reply?.root;
      return { parent, root: root ? { id: root.uri, uri: root.uri, cid: root.cid, url: null } : parent };
    },

    findExisting: (ctx) => getRecord(ctx, recordKeyFor(ctx.queuedAt, ctx.key, ctx.partIndex)),

    async post(ctx) {
      const rkey = recordKeyFor(ctx.queuedAt, ctx.key, ctx.partIndex);
      const facets = linkFacets(ctx.text);
      const record = {
        $type: COLLECTION,
        text: ctx.text,
        createdAt: new Date(Date.parse(ctx.queuedAt) + ctx.partIndex).toISOString(),
        langs: [ctx.language],
        ...(facets.length > 0 ? { facets } : {}),
        ...(ctx.root?.uri && ctx.parent?.uri && ctx.root.cid && ctx.parent.cid
          ? { reply: { root: { uri: ctx.root.uri, cid: ctx.root.cid }, parent: { uri: ctx.parent.uri, cid: ctx.parent.cid } } }
          : {}),
      };
      const r = await authed(ctx, 'POST', 'com.atproto.repo.createRecord', {
        body: (s) => ({ repo: s.did, collection: COLLECTION, rkey, validate: true, record }),
      });
      if (r.status === 200) {
        const ref = recordRefSchema.safeParse(parseJson(SERVICE, r.text));
        if (!ref.success) throw new PublishError(healthMessage('publishUnreadableAnswer', { service: 'Bluesky' }), false);
        return { id: ref.data.uri, uri: ref.data.uri, cid: ref.data.cid, url: webUrl(r.session, rkey) };
      }
      // The record key is ours alone: "already exists" means an earlier attempt went through.
      if (r.status === 400 && /already exists/i.test(r.text)) {
        const existing = await getRecord(ctx, rkey);
        if (existing) return existing;
      }
      throw errorForStatus(SERVICE, r.status, r.text);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
