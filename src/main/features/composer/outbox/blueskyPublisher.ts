// Publishes to Bluesky through the user's PDS: createSession (app password), then createRecord with a
// deterministic rkey; before a resend, getRecord on that rkey tells whether the post already exists. Errors are
// read as the reference PDS gives them: a record key already taken is a bare 500, a rate limit a 429 with
// RateLimit-* headers, a refused record a 400 InvalidRequest naming the field.
import { z } from 'zod';
import { healthMessage } from '../../../../shared/domain/healthMessage';
import { blueskyAccountSchema, type BlueskyAccount } from '../../../../shared/domain/statement';
import { detectFacets, facetsOf } from './blueskyFacets';
import { errorForStatus, parseJson, PublishError, retryTime, safeJson, type ChannelPublisher, type Posted, type PublishContext, type ReplyTarget } from './publisher';
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
const replyRefSchema = z.object({ root: recordRefSchema, parent: recordRefSchema });
const postsSchema = z.object({
  posts: z.array(recordRefSchema.extend({ record: z.object({ reply: replyRefSchema.optional() }) })),
});
const recordSchema = recordRefSchema.extend({ value: z.object({ reply: replyRefSchema.optional() }).optional() });
const xrpcErrorSchema = z.object({ error: z.string().optional(), message: z.string().optional() });
const didSchema = z.object({ did: z.string().startsWith('did:') });
const AT_URI = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/;

interface Session {
  readonly accessJwt: string;
  readonly refreshJwt?: string;
  readonly did: string;
  readonly handle: string;
}

interface XrpcAnswer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

const errorOf = (r: XrpcAnswer): { error?: string; message?: string } => {
  const parsed = xrpcErrorSchema.safeParse(safeJson(r.text));
  return parsed.success ? parsed.data : {};
};

export function createBlueskyPublisher(): ChannelPublisher {
  // createSession is rate-limited hard (about 30 per 5 min): one session per account, reused until refused.
  const sessions = new Map<string, Session>();

  async function xrpc(ctx: PublishContext, account: BlueskyAccount, method: 'GET' | 'POST', nsid: string, init: { body?: unknown; token?: string; query?: string }): Promise<XrpcAnswer> {
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
    const answer = { status: response.status, text: response.text(), headers: response.headers };
    // Every route may be rate-limited; the server says when its window resets (epoch seconds).
    if (answer.status === 429) {
      const at = retryTime(answer.headers.get('retry-after'), answer.headers.get('ratelimit-reset'), new Date());
      throw new PublishError(healthMessage('blueskyRateLimited'), false, at);
    }
    return answer;
  }

  async function session(ctx: PublishContext, account: BlueskyAccount): Promise<Session> {
    const id = `${account.serviceUrl}|${account.identifier}`;
    const cached = sessions.get(id);
    if (cached) return cached;
    const r = await xrpc(ctx, account, 'POST', 'com.atproto.server.createSession', {
      body: { identifier: account.identifier, password: account.appPassword },
    });
    if (r.status === 401) throw new PublishError(healthMessage('blueskyAppPasswordRefused', { detail: errorOf(r).message ?? 'HTTP 401' }), true);
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
   * lasts days, and createSession is the rate-limited call); only a refused refresh (revoked, expired) opens a
   * new session, and a refused app password then stops with a message saying so.
   */
  async function authed(ctx: PublishContext, method: 'GET' | 'POST', nsid: string, init: { body?: (s: Session) => unknown; query?: (s: Session) => string }) {
    const account = blueskyAccountSchema.parse(ctx.account);
    const id = `${account.serviceUrl}|${account.identifier}`;
    let triedRefresh = false;
    for (let round = 0; round < 3; round += 1) {
      const s = await session(ctx, account);
      const r = await xrpc(ctx, account, method, nsid, { token: s.accessJwt, body: init.body?.(s), query: init.query?.(s) });
      const expired = r.status === 401 || (r.status === 400 && /ExpiredToken|InvalidToken/.test(errorOf(r).error ?? ''));
      if (!expired) return { ...r, session: s };
      const renewed = triedRefresh ? undefined : await refreshed(ctx, account, s);
      triedRefresh = true;
      if (renewed) sessions.set(id, renewed);
      else sessions.delete(id);
    }
    throw new PublishError(healthMessage('blueskySessionRefused'), true);
  }

  const webUrl = (s: Session, rkey: string): string => `https://bsky.app/profile/${encodeURIComponent(s.handle)}/post/${rkey}`;

  const recordQuery = (repo: string, rkey: string): string => new URLSearchParams({ repo, collection: COLLECTION, rkey }).toString();

  /** This account's post under that record key, or undefined when there is none. */
  async function ownPost(ctx: PublishContext, rkey: string): Promise<Posted | undefined> {
    const r = await authed(ctx, 'GET', 'com.atproto.repo.getRecord', { query: (s) => recordQuery(s.did, rkey) });
    if (r.status === 200) {
      const ref = recordRefSchema.safeParse(parseJson(SERVICE, r.text));
      if (!ref.success) throw new PublishError(healthMessage('blueskyUnreadableRecord'), false);
      return { id: ref.data.uri, uri: ref.data.uri, cid: ref.data.cid, url: webUrl(r.session, rkey) };
    }
    if (errorOf(r).error === 'RecordNotFound') return undefined;
    throw errorForStatus(SERVICE, r.status, r.text);
  }

  /** Each handle the text mentions, resolved to its DID by the account's PDS; one it cannot resolve is left out. */
  async function resolveHandles(ctx: PublishContext, handles: readonly string[]): Promise<Map<string, string>> {
    const account = blueskyAccountSchema.parse(ctx.account);
    const dids = new Map<string, string>();
    for (const handle of new Set(handles)) {
      const r = await xrpc(ctx, account, 'GET', 'com.atproto.identity.resolveHandle', { query: new URLSearchParams({ handle }).toString() });
      if (r.status >= 500) throw errorForStatus(SERVICE, r.status, r.text);
      const did = r.status === 200 ? didSchema.safeParse(safeJson(r.text)) : undefined;
      if (did?.success) dids.set(handle, did.data.did);
    }
    return dids;
  }

  /**
   * The post answered, read from the author's repository: a PDS without an AppView cannot answer getPosts
   * (502 UpstreamFailure) but reads records itself. undefined when the record is gone; a PDS that cannot read
   * that repository at all is said so, for the cell to answer another way.
   */
  async function targetFromRepo(ctx: PublishContext, uri: string): Promise<ReplyTarget | undefined> {
    const parts = AT_URI.exec(uri);
    if (!parts || parts[2] !== COLLECTION) return undefined;
    const r = await authed(ctx, 'GET', 'com.atproto.repo.getRecord', { query: () => recordQuery(parts[1]!, parts[3]!) });
    if (r.status === 200) {
      const found = recordSchema.safeParse(parseJson(SERVICE, r.text));
      if (!found.success) throw new PublishError(healthMessage('blueskyUnreadableRecord'), false);
      const parent = { id: found.data.uri, uri: found.data.uri, cid: found.data.cid, url: null };
      const root = found.data.value?.reply?.root;
      return { parent, root: root ? { id: root.uri, uri: root.uri, cid: root.cid, url: null } : parent };
    }
    const refusal = errorOf(r);
    if (refusal.error === 'RecordNotFound') return undefined;
    if (r.status >= 500) throw errorForStatus(SERVICE, r.status, r.text);
    throw new PublishError(healthMessage('blueskyReplyTargetUnreadable', { detail: (refusal.message ?? `HTTP ${r.status}`).slice(0, 200) }), true);
  }

  return {
    threadsRepliesTo: 'bluesky',

    // A reply names the post it answers and the first post of its thread, each by uri and cid.
    async findTarget(ctx, uri) {
      const r = await authed(ctx, 'GET', 'app.bsky.feed.getPosts', { query: () => new URLSearchParams({ uris: uri }).toString() });
      if (r.status === 200) {
        const found = postsSchema.safeParse(parseJson(SERVICE, r.text));
        const post = found.success ? found.data.posts.find((p) => p.uri === uri) : undefined;
        if (!post) return undefined;
        const parent = { id: post.uri, uri: post.uri, cid: post.cid, url: null };
        const root = post.record.reply?.root;
        return { parent, root: root ? { id: root.uri, uri: root.uri, cid: root.cid, url: null } : parent };
      }
      const noAppView = r.status === 502 || r.status === 501 || (r.status === 404 && errorOf(r).error === 'MethodNotImplemented');
      if (!noAppView) throw errorForStatus(SERVICE, r.status, r.text);
      return targetFromRepo(ctx, uri);
    },

    findExisting: (ctx) => ownPost(ctx, recordKeyFor(ctx.queuedAt, ctx.key, ctx.partIndex)),

    async post(ctx) {
      const rkey = recordKeyFor(ctx.queuedAt, ctx.key, ctx.partIndex);
      const detected = detectFacets(ctx.text);
      const facets = facetsOf(detected, await resolveHandles(ctx, detected.mentions.map((m) => m.handle)));
      const record = {
        $type: COLLECTION,
        text: ctx.text,
        createdAt: ctx.sentAt,
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
      // The record key is ours alone. The reference PDS answers a taken key with a bare 500 (its repository
      // throws "There is already a value at key"): a record there means an earlier attempt went through.
      if (r.status >= 500) {
        const existing = await ownPost(ctx, rkey);
        if (existing) return existing;
      }
      const refusal = errorOf(r);
      if (r.status === 400 && refusal.error === 'InvalidRequest') {
        throw new PublishError(healthMessage('blueskyRefusedRecord', { detail: (refusal.message ?? '').slice(0, 300) }), true);
      }
      throw errorForStatus(SERVICE, r.status, r.text);
    },
  };
}
