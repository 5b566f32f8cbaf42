// A loopback HTTP server that plays a feed host: normal answers, conditional GET, and every way to fail.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedMode =
  | { kind: 'feed'; body: string | Buffer; contentType?: string; etag?: string }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'garbage' }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface FeedServer {
  readonly url: string;
  mode: FeedMode;
  readonly requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startFeedServer(initial: FeedMode): Promise<FeedServer> {
  const state = { mode: initial, requests: [] as IncomingHttpHeaders[] };
  const server: Server = createServer((req, res) => {
    state.requests.push(req.headers);
    const mode = state.mode;
    switch (mode.kind) {
      case 'feed':
        if (mode.etag && req.headers['if-none-match'] === mode.etag) {
          res.writeHead(304, { etag: mode.etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': mode.contentType ?? 'application/rss+xml; charset=utf-8', ...(mode.etag ? { etag: mode.etag } : {}) });
        res.end(mode.body);
        return;
      case 'status':
        res.writeHead(mode.status, mode.retryAfter ? { 'retry-after': mode.retryAfter } : {}).end('error page');
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
        return;
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss><channel>');
        return;
      case 'reset':
        req.socket.destroy();
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.xml`,
    get mode() {
      return state.mode;
    },
    set mode(m: FeedMode) {
      state.mode = m;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 document with French accents, one item per id. */
export function rssFeed(ids: readonly number[], title = 'Le Quotidien — Économie', site = 'journal.example'): string {
  const items = ids
    .map(
      (id) => `<item>
      <title>ACME : article n°${id} sur la fuite de données</title>
      <link>https://${site}/articles/${id}?utm_source=rss</link>
      <guid isPermaLink="false">article-${id}</guid>
      <pubDate>Tue, 10 Mar 2026 ${String(8 + (id % 10)).padStart(2, '0')}:15:00 +0100</pubDate>
      <description><![CDATA[<p>Les clients d'<b>ACME</b> s'inquiètent (n°${id}).</p><script>alert('x')</script>]]></description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://${site}/</link><language>fr-FR</language>
${items}
</channel></rss>`;
}
