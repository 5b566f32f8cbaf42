import { healthMessage } from '../../../../../src/shared/domain/healthMessage';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundGate, OutboundError } from '../../../../../src/main/platform/net/outboundGate';

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

const errorOf = async (p: Promise<unknown>): Promise<OutboundError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof OutboundError) return e;
    throw e;
  }
  throw new Error('expected an OutboundError');
};

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
