import { healthMessage } from '../../../../../src/shared/domain/healthMessage';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundGate, OutboundError } from '../../../../../src/main/platform/net/outboundGate';
import { rejectionOf } from '../../../../support/rejection';

const servers: Server[] = [];
afterEach(() =>
  servers.splice(0).forEach((s) => {
    s.closeAllConnections();
    s.close();
  }),
);

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const errorOf = (p: Promise<unknown>): Promise<OutboundError> => rejectionOf(p, OutboundError);

describe('outbound gate', () => {
  it('returns status, headers and body', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { ETag: '"v1"' }).end('bonjour'));
    const res = await createOutboundGate().request(`${base}/feed`, { purpose: 'test' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.text()).toBe('bonjour');
  });

  it('refuses what the policy refuses, without connecting', async () => {
    let hits = 0;
    const base = await serve((_req, res) => (hits++, res.end('x')));
    const gate = createOutboundGate(() => healthMessage('sealed'));
    const error = await errorOf(gate.request(base, { purpose: 'test' }));
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('Sealed mode is on');
    expect(error.health).toEqual({ key: 'sealed', params: {} });
    expect(hits).toBe(0);
  });

  it.each(['file:///etc/passwd', 'ftp://x/', 'javascript:alert(1)', 'nope'])('refuses %s', async (url) => {
    expect((await errorOf(createOutboundGate().request(url, { purpose: 'test' }))).kind).toBe('refused');
  });

  it('gives up on a slow server with a timeout message', async () => {
    const base = await serve(() => {});
    const error = await errorOf(createOutboundGate().request(base, { purpose: 'test', timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/No answer from 127\.0\.0\.1/);
  });

  it('cuts off oversize bodies, declared or streamed', async () => {
    const declared = await serve((_req, res) => res.writeHead(200, { 'Content-Length': '5000' }).end('x'.repeat(5000)));
    expect((await errorOf(createOutboundGate().request(declared, { purpose: 't', maxBytes: 1000 }))).kind).toBe('too-large');
    const streamed = await serve((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
    });
    expect((await errorOf(createOutboundGate().request(streamed, { purpose: 't', maxBytes: 1000 }))).kind).toBe('too-large');
  });

  it('follows redirects hop by hop, and refuses a hop the policy refuses before connecting to it', async () => {
    let forbiddenHits = 0;
    const forbidden = await serve((_req, res) => (forbiddenHits++, res.end('internal')));
    const target = await serve((_req, res) => res.end('moved here'));
    const redirector = await serve((req, res) => {
      const to = req.url === '/ok' ? `${target}/final` : `${forbidden}/admin`;
      res.writeHead(302, { Location: to }).end();
    });
    const gate = createOutboundGate((url) => (url.origin === forbidden ? healthMessage('notAllowed', { origin: url.origin }) : undefined));
    const followed = await gate.request(`${redirector}/ok`, { purpose: 'test' });
    expect(followed.text()).toBe('moved here');
    expect(followed.url).toBe(`${target}/final`);
    const error = await errorOf(gate.request(`${redirector}/bounce`, { purpose: 'test' }));
    expect(error.kind).toBe('refused');
    expect(forbiddenHits).toBe(0);
  });

  it('stops a redirect loop', async () => {
    const base = await serve((req, res) => res.writeHead(301, { Location: req.url === '/a' ? '/b' : '/a' }).end());
    const error = await errorOf(createOutboundGate().request(`${base}/a`, { purpose: 'test' }));
    expect(error.message).toMatch(/redirected more than/);
  });

  it('reports a refused connection as a network error', async () => {
    const base = await serve((_req, res) => res.end());
    servers.splice(0).forEach((s) => s.close());
    await new Promise((r) => setTimeout(r, 50));
    const error = await errorOf(createOutboundGate().request(base, { purpose: 'test', timeoutMs: 2000 }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED|Cannot reach/);
  });
});

describe('outbound gate, redirects to another origin', () => {
  interface Seen {
    readonly method: string;
    readonly headers: IncomingHttpHeaders;
    readonly body: string;
  }
  /** A loopback server on its own port (so its own origin) that records what reaches it. */
  async function recorder(): Promise<{ origin: string; seen: Seen[] }> {
    const seen: Seen[] = [];
    const origin = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', headers: req.headers, body });
        res.end('landed');
      });
    });
    return { origin, seen };
  }
  const credentials = { Authorization: 'Bearer s3cret', Cookie: 'session=abc', 'Proxy-Authorization': 'Basic cHJveHk=', 'Content-Type': 'application/json' };

  it('drops Authorization, Cookie and Proxy-Authorization, and turns a POST into a bodiless GET on 301/302/303', async () => {
    for (const status of [301, 302, 303]) {
      const other = await recorder();
      const first = await serve((_req, res) => res.writeHead(status, { Location: `${other.origin}/next` }).end());
      const res = await createOutboundGate().request(`${first}/start`, { method: 'POST', headers: credentials, body: '{"status":"secret draft"}', purpose: 'test' });
      expect(res.text()).toBe('landed');
      expect(other.seen).toHaveLength(1);
      const [hop] = other.seen;
      expect(hop!.method).toBe('GET');
      expect(hop!.body).toBe('');
      expect(hop!.headers.authorization).toBeUndefined();
      expect(hop!.headers.cookie).toBeUndefined();
      expect(hop!.headers['proxy-authorization']).toBeUndefined();
      expect(hop!.headers['content-type']).toBeUndefined();
    }
  });

  it('drops credentials on a cross-origin GET redirect but keeps them on a same-origin one', async () => {
    const other = await recorder();
    const sameSeen: IncomingHttpHeaders[] = [];
    const first = await serve((req, res) => {
      if (req.url === '/same') return void res.writeHead(307, { Location: '/landing' }).end();
      if (req.url === '/landing') return void (sameSeen.push(req.headers), res.end('same'));
      res.writeHead(307, { Location: `${other.origin}/x` }).end();
    });
    const gate = createOutboundGate();
    await gate.request(`${first}/same`, { headers: credentials, purpose: 'test' });
    expect(sameSeen[0]!.authorization).toBe('Bearer s3cret');
    await gate.request(`${first}/away`, { headers: credentials, purpose: 'test' });
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
    expect(other.seen[0]!.headers.cookie).toBeUndefined();
    expect(other.seen[0]!.headers['proxy-authorization']).toBeUndefined();
  });

  it('refuses a 307/308 that would resend a body to another origin, and sends it nothing', async () => {
    for (const status of [307, 308]) {
      const other = await recorder();
      const first = await serve((_req, res) => res.writeHead(status, { Location: `${other.origin}/inbox` }).end());
      const error = await errorOf(createOutboundGate().request(`${first}/api/statuses`, { method: 'POST', headers: credentials, body: 'secret', purpose: 'test' }));
      expect(error.kind).toBe('refused');
      expect(error.health.key).toBe('crossOriginBody');
      expect(other.seen).toEqual([]);
    }
  });

  it('resends the body on a same-origin 307, credentials included', async () => {
    const seen: Seen[] = [];
    const base = await serve((req, res) => {
      if (req.url === '/old') return void res.writeHead(307, { Location: '/new' }).end();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => (seen.push({ method: req.method ?? '', headers: req.headers, body }), res.end('ok')));
    });
    await createOutboundGate().request(`${base}/old`, { method: 'POST', headers: credentials, body: 'hello', purpose: 'test' });
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', body: 'hello', headers: expect.objectContaining({ authorization: 'Bearer s3cret' }) })]);
  });
});
