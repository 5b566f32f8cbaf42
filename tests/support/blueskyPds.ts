// A loopback Bluesky PDS for the search connector: createSession/refreshSession with rotating tokens and
// app.bsky.feed.searchPosts answering PostViews shaped as the lexicon defines them, with cursor paging,
// XRPC error bodies, RateLimit-Limit/Remaining/Reset/Policy headers, and switchable failures (429, 5xx, garbage, truncated, hang, reset).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PdsFailure =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'garbage' }
  | { kind: 'truncated' }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface BlueskyPds {
  readonly url: string;
  readonly posts: Record<string, unknown>[];
  readonly calls: { nsid: string; query: URLSearchParams; authorization?: string }[];
  failure: PdsFailure | undefined;
  password: string;
  /** Makes every access token issued so far expire (the next search answers ExpiredToken). */
  expireAccessTokens(): void;
  post(n: number, text?: (i: number) => string, at?: Date): void;
  readonly sessionsCreated: number;
  close(): Promise<void>;
}

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

/** A PostView (app.bsky.feed.defs#postView) with an app.bsky.feed.post record. */
export function postView(n: number, text: string, indexedAt: Date, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const rkey = `3l${String(n).padStart(11, '0')}`;
  const author = n % 2 ? 'journaliste.bsky.social' : 'client-mecontent.bsky.social';
  return {
    uri: `at://${DID}${n % 2}/app.bsky.feed.post/${rkey}`,
    cid: `bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hp${n % 10}`,
    author: {
      did: `${DID}${n % 2}`,
      handle: author,
      displayName: n % 2 ? 'Élise Journaliste' : 'Client mécontent',
      avatar: `https://cdn.bsky.app/img/avatar/plain/${DID}/bafkrei${n}@jpeg`,
      associated: { chat: { allowIncoming: 'following' } },
      labels: [],
      createdAt: '2023-08-01T10:00:00.000Z',
    },
    record: {
      $type: 'app.bsky.feed.post',
      createdAt: new Date(indexedAt.getTime() - 1000).toISOString(),
      langs: ['fr'],
      text,
      facets: [],
    },
    replyCount: n % 3,
    repostCount: n % 5,
    likeCount: 10 + n,
    quoteCount: 0,
    indexedAt: indexedAt.toISOString(),
    labels: [],
    viewer: { threadMuted: false, embeddingDisabled: false },
    ...extra,
  };
}

export async function startBlueskyPds(options: { identifier?: string; password?: string } = {}): Promise<BlueskyPds> {
  const identifier = options.identifier ?? 'cellule.bsky.social';
  const state = {
    posts: [] as Record<string, unknown>[],
    calls: [] as BlueskyPds['calls'],
    failure: undefined as PdsFailure | undefined,
    password: options.password ?? 'abcd-efgh-ijkl-mnop',
    access: new Set<string>(),
    refresh: new Set<string>(),
    sessions: 0,
    issued: 0,
    clock: Date.UTC(2026, 2, 10, 9, 0, 0),
  };
  let base = '';

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    // As the reference PDS: the window's reset in epoch seconds, and its policy (limit;w=window seconds).
    const rate = { 'ratelimit-limit': '3000', 'ratelimit-remaining': '2999', 'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 300), 'ratelimit-policy': '3000;w=300' };
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rate, ...headers });
    res.end(JSON.stringify(body));
  };
  const issue = (): Record<string, unknown> => {
    const n = ++state.issued;
    const accessJwt = `access.${n}.${Math.random().toString(36).slice(2)}`;
    const refreshJwt = `refresh.${n}.${Math.random().toString(36).slice(2)}`;
    state.access.add(accessJwt);
    state.refresh.add(refreshJwt);
    return { accessJwt, refreshJwt, handle: identifier, did: DID, active: true };
  };
  const bearer = (req: IncomingMessage): string | undefined => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const nsid = url.pathname.replace(/^\/xrpc\//, '');
    state.calls.push({ nsid, query: url.searchParams, authorization: req.headers.authorization });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const failure = state.failure;
    if (failure && nsid === 'app.bsky.feed.searchPosts') return fail(failure, res);

    if (nsid === 'com.atproto.server.createSession' && req.method === 'POST') {
      state.sessions++;
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { identifier?: string; password?: string };
      if (body.identifier !== identifier || body.password !== state.password) {
        return json(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      }
      return json(res, 200, issue());
    }
    if (nsid === 'com.atproto.server.refreshSession' && req.method === 'POST') {
      const token = bearer(req);
      if (!token || !state.refresh.delete(token)) return json(res, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
      return json(res, 200, issue());
    }
    if (nsid === 'app.bsky.feed.searchPosts' && req.method === 'GET') {
      const token = bearer(req);
      if (!token) return json(res, 401, { error: 'AuthMissing', message: 'Authentication Required' });
      if (!state.access.has(token)) return json(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      if (!q) return json(res, 400, { error: 'InvalidRequest', message: 'Error: Params must have the property "q"' });
      const since = url.searchParams.get('since');
      const lang = url.searchParams.get('lang');
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 25));
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const hits = state.posts
        .filter((p) => String((p.record as { text: string }).text).toLowerCase().includes(q))
        .filter((p) => !since || String(p.indexedAt) >= new Date(since).toISOString())
        .filter((p) => !lang || ((p.record as { langs?: string[] }).langs ?? []).includes(lang))
        .sort((a, b) => String(b.indexedAt).localeCompare(String(a.indexedAt)));
      const page = hits.slice(offset, offset + limit);
      const next = offset + limit < hits.length ? String(offset + limit) : undefined;
      return json(res, 200, { ...(next ? { cursor: next } : {}), hitsTotal: hits.length, posts: page });
    }
    return json(res, 404, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  };

  function fail(failure: PdsFailure, res: ServerResponse): void {
    switch (failure.kind) {
      case 'status':
        return json(res, failure.status, failure.body ?? { error: 'InternalServerError', message: 'Internal Server Error' }, failure.headers);
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"posts": [{"uri": "at://x/app.bsky.feed.post/1", "record": ');
        return;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '9000' });
        res.write('{"cursor":"100","posts":[{"uri":"at://did:plc:x/app.bsky.feed.post/1"');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        return;
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }

  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    posts: state.posts,
    calls: state.calls,
    get failure() {
      return state.failure;
    },
    set failure(f) {
      state.failure = f;
    },
    get password() {
      return state.password;
    },
    set password(p) {
      state.password = p;
    },
    get sessionsCreated() {
      return state.sessions;
    },
    expireAccessTokens: () => state.access.clear(),
    post(n, text = (i) => `Fuite de données chez ACME : mon compte a été débité deux fois (n°${i})`, at) {
      for (let i = 0; i < n; i++) {
        state.clock += 60_000;
        const index = state.posts.length;
        state.posts.push(postView(index, text(index), at ?? new Date(state.clock)));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
