// A loopback Mastodon instance for the listening connector: hashtag timelines and v2 search with Status
// entities shaped as docs.joinmastodon.org documents them, min_id/since_id/max_id paging with Link headers,
// X-RateLimit-* headers, and switchable failures (429, 5xx, garbage, truncated body, hang, dropped connection).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type MastodonFailure =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'garbage' }
  | { kind: 'truncated' }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface MastodonInstance {
  readonly url: string;
  readonly host: string;
  /** Statuses the instance knows, any order; ids are numeric strings. */
  readonly statuses: Record<string, unknown>[];
  readonly requests: { path: string; query: URLSearchParams; authorization?: string }[];
  failure: MastodonFailure | undefined;
  token: string;
  remaining: number;
  /** Posts new statuses; they are also pushed to open hashtag streams unless `stream` is false. */
  post(n: number, text?: (i: number) => string, stream?: boolean): void;
  /** Open WebSocket streaming connections (GET /api/v1/streaming?stream=hashtag&tag=…). */
  readonly streams: number;
  /** Sends a raw frame to every stream (garbage tests). */
  sendRaw(frame: string): void;
  /** Cuts every streaming connection without a close handshake. */
  dropStreams(): void;
  /** While true, streaming upgrades are refused with HTTP 503. */
  streamingDown: boolean;
  close(): Promise<void>;
}

let sequence = 0;

/** A full Status entity as the API returns it. */
export function mastodonStatus(id: bigint, host: string, content: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const n = Number(id % 1000n);
  return {
    id: String(id),
    created_at: new Date(Date.UTC(2026, 2, 10, 9, 0, 0) + n * 60_000).toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'fr',
    uri: `https://${host}/users/camille${n % 3}/statuses/${id}`,
    url: `https://${host}/@camille${n % 3}/${id}`,
    replies_count: 2,
    reblogs_count: n % 7,
    favourites_count: 10 + n,
    quotes_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    content,
    filtered: [],
    reblog: null,
    application: { name: 'Web', website: null },
    account: {
      id: String(100 + (n % 3)),
      username: `camille${n % 3}`,
      acct: `camille${n % 3}`,
      display_name: `Camille Lefèvre ${n % 3}`,
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      created_at: '2022-11-07T00:00:00.000Z',
      note: '<p>Journaliste économie</p>',
      url: `https://${host}/@camille${n % 3}`,
      avatar: `https://${host}/avatars/original/missing.png`,
      avatar_static: `https://${host}/avatars/original/missing.png`,
      header: `https://${host}/headers/original/missing.png`,
      header_static: `https://${host}/headers/original/missing.png`,
      followers_count: 1500 * ((n % 3) + 1),
      following_count: 210,
      statuses_count: 3400,
      last_status_at: '2026-03-10',
      emojis: [],
      fields: [],
    },
    media_attachments: [],
    mentions: [],
    tags: [{ name: 'acmeleak', url: `https://${host}/tags/acmeleak` }],
    emojis: [],
    card: null,
    poll: null,
    ...extra,
  };
}

const byIdDesc = (a: Record<string, unknown>, b: Record<string, unknown>): number => {
  const x = BigInt(a.id as string);
  const y = BigInt(b.id as string);
  return x > y ? -1 : x < y ? 1 : 0;
};

export async function startMastodonInstance(): Promise<MastodonInstance> {
  let nextId = 110_000_000_000_000_000n + BigInt(++sequence) * 1_000_000n;
  const state = {
    statuses: [] as Record<string, unknown>[],
    requests: [] as MastodonInstance['requests'],
    failure: undefined as MastodonFailure | undefined,
    token: 'user-token-1',
    remaining: 300,
  };
  let base = '';
  let host = '';

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const failure = state.failure;
    if (failure) return fail(failure, res);
    const rate = {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': String(Math.max(0, state.remaining--)),
      'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString(),
    };
    if (url.pathname === '/api/v2/instance') {
      res.writeHead(200, { 'content-type': 'application/json', ...rate });
      res.end(JSON.stringify({ domain: host, title: 'Loopback', version: '4.5.0', configuration: { urls: { streaming: `ws://${host}` } } }));
      return;
    }
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (tag) {
      const wanted = decodeURIComponent(tag[1]!).toLowerCase();
      const matching = state.statuses.filter((s) => (s.tags as { name: string }[]).some((t) => t.name === wanted));
      return page(url, res, matching, rate, true);
    }
    if (url.pathname === '/api/v2/search') {
      if (req.headers.authorization !== `Bearer ${state.token}`) {
        res.writeHead(401, { 'content-type': 'application/json', ...rate }).end(JSON.stringify({ error: 'The access token is invalid' }));
        return;
      }
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const matching = state.statuses.filter((s) => String(s.content).toLowerCase().includes(q));
      const { body } = select(url, matching);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...rate });
      res.end(JSON.stringify({ accounts: [], statuses: body, hashtags: [] }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Record not found' }));
  };

  /** min_id: the page just above it (oldest first, returned newest first); since_id/none: the newest page. */
  function select(url: URL, matching: Record<string, unknown>[]): { body: Record<string, unknown>[] } {
    const limit = Math.min(40, Number(url.searchParams.get('limit') ?? 20));
    const minId = url.searchParams.get('min_id');
    const sinceId = url.searchParams.get('since_id');
    const maxId = url.searchParams.get('max_id');
    let list = [...matching].sort(byIdDesc);
    if (maxId) list = list.filter((s) => BigInt(s.id as string) < BigInt(maxId));
    if (sinceId) list = list.filter((s) => BigInt(s.id as string) > BigInt(sinceId));
    if (minId) {
      const above = list.filter((s) => BigInt(s.id as string) > BigInt(minId)).reverse().slice(0, limit);
      return { body: above.reverse() };
    }
    return { body: list.slice(0, limit) };
  }

  function page(url: URL, res: ServerResponse, matching: Record<string, unknown>[], rate: Record<string, string>, link: boolean): void {
    const { body } = select(url, matching);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...rate };
    if (link && body.length > 0) {
      const path = `${base}${url.pathname}`;
      const limit = url.searchParams.get('limit') ?? '20';
      headers.link = `<${path}?limit=${limit}&max_id=${String(body.at(-1)!.id)}>; rel="next", <${path}?limit=${limit}&min_id=${String(body[0]!.id)}>; rel="prev"`;
    }
    res.writeHead(200, headers).end(JSON.stringify(body));
  }

  function fail(failure: MastodonFailure, res: ServerResponse): void {
    switch (failure.kind) {
      case 'status':
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(failure.body ?? JSON.stringify({ error: 'Something went wrong' }));
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html><body>502 Bad Gateway</body></html>\u0000\u00ff');
        return;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.write('[{"id":"1","uri":"https://x/1","content":"<p>coup');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        return;
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }

  const server: Server = createServer(handler);
  // Streaming: the WebSocket endpoint checks the user token (required since 4.2) and the hashtag stream.
  const sockets = new Set<{ socket: WebSocket; tag: string }>();
  let streamingDown = false;
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', base);
    const ok = url.pathname === '/api/v1/streaming' && req.headers.authorization === `Bearer ${state.token}` && url.searchParams.get('stream')?.startsWith('hashtag');
    if (streamingDown || !ok) {
      socket.end(`HTTP/1.1 ${streamingDown ? '503 Service Unavailable' : '401 Unauthorized'}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const entry = { socket: ws, tag: (url.searchParams.get('tag') ?? '').toLowerCase() };
      sockets.add(entry);
      ws.on('close', () => sockets.delete(entry));
    });
  });
  const push = (status: Record<string, unknown>): void => {
    for (const { socket, tag } of sockets) {
      if ((status.tags as { name: string }[]).some((t) => t.name === tag)) {
        socket.send(JSON.stringify({ stream: ['hashtag', tag], event: 'update', payload: JSON.stringify(status) }));
      }
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
  return {
    url: base,
    host,
    statuses: state.statuses,
    requests: state.requests,
    get failure() {
      return state.failure;
    },
    set failure(f) {
      state.failure = f;
    },
    get token() {
      return state.token;
    },
    set token(t) {
      state.token = t;
    },
    get remaining() {
      return state.remaining;
    },
    set remaining(r) {
      state.remaining = r;
    },
    post(n, text = (i) => `<p>Fuite de données chez <a href="https://${host}/tags/acmeleak" class="mention hashtag">#<span>AcmeLeak</span></a> n°${i}</p>`, stream = true) {
      for (let i = 0; i < n; i++) {
        nextId += 1000n;
        const status = mastodonStatus(nextId, host, text(state.statuses.length));
        state.statuses.push(status);
        if (stream) push(status);
      }
    },
    get streams() {
      return sockets.size;
    },
    sendRaw: (frame) => sockets.forEach(({ socket }) => socket.send(frame)),
    dropStreams: () => sockets.forEach(({ socket }) => socket.terminate()),
    get streamingDown() {
      return streamingDown;
    },
    set streamingDown(down) {
      streamingDown = down;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { socket } of sockets) socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
