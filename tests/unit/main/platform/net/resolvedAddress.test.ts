// DNS rebinding: an allowed host name that resolves to a loopback, private or otherwise local address is refused
// before any connection, unless the allow-list entry says the host is on the local network on purpose; the
// connection goes to the very address that was checked, with the name kept in Host.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { NetworkPolicy } from '../../../../../src/main/platform/net/networkPolicy';
import { createOutboundGate, OutboundError } from '../../../../../src/main/platform/net/outboundGate';
import { openGatedSocket } from '../../../../../src/main/features/sources/live/gatedSocket';
import type { Resolve } from '../../../../../src/main/platform/net/resolvedAddress';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';
import { rejectionOf } from '../../../../support/rejection';

const tempDir = useTempDirs();

const servers: Server[] = [];
const sockets: WebSocketServer[] = [];
afterEach(() => {
  servers.splice(0).forEach((s) => (s.closeAllConnections(), s.close()));
  sockets.splice(0).forEach((s) => s.close());
});

async function loopbackServer(): Promise<{ port: number; hosts: (string | undefined)[]; headers: IncomingHttpHeaders[] }> {
  const hosts: (string | undefined)[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    hosts.push(req.headers.host);
    headers.push(req.headers);
    res.end('internal admin page');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, hosts, headers };
}

/** A resolver that makes every name resolve to `addresses`, counting the look-ups (no /etc/hosts, no DNS). */
function resolvingTo(...addresses: string[]): Resolve & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const errorOf = (p: Promise<unknown>): Promise<OutboundError> => rejectionOf(p, OutboundError);

describe('resolved address check', () => {
  it('refuses an allowed name that resolves to 127.0.0.1, before connecting', async () => {
    const server = await loopbackServer();
    const resolve = resolvingTo('127.0.0.1');
    const gate = createOutboundGate(() => undefined, { resolve });
    const error = await errorOf(gate.request(`http://feed.example.org:${server.port}/rss`, { purpose: 'test' }));
    expect(error.kind).toBe('refused');
    expect(error.health).toEqual({ key: 'privateAddress', params: { host: 'feed.example.org', address: '127.0.0.1', range: 'loopback' } });
    expect(server.hosts).toEqual([]);
    expect(resolve.calls).toEqual(['feed.example.org']);
  });

  it('refuses localhost by name with the system resolver', async () => {
    const server = await loopbackServer();
    const error = await errorOf(createOutboundGate().request(`http://localhost:${server.port}/`, { purpose: 'test' }));
    expect(error.health.key).toBe('privateAddress');
    expect(server.hosts).toEqual([]);
  });

  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.9', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:10.0.0.1', 'ipv4Mapped'],
  ])('refuses a name resolving to %s (%s)', async (address, range) => {
    const error = await errorOf(createOutboundGate(() => undefined, { resolve: resolvingTo(address) }).request('https://api.example.net/', { purpose: 'test' }));
    expect(error.health).toEqual({ key: 'privateAddress', params: { host: 'api.example.net', address, range } });
  });

  it('refuses a name whose answers mix a public and a private address', async () => {
    const error = await errorOf(
      createOutboundGate(() => undefined, { resolve: resolvingTo('203.0.113.7', '192.168.0.10') }).request('https://mixed.example.net/', { purpose: 'test' }),
    );
    expect(error.health.params).toMatchObject({ address: '192.168.0.10', range: 'private' });
  });

  it('still reaches a configured address literal (tests, an on-prem gateway typed as an IP)', async () => {
    const server = await loopbackServer();
    const resolve = resolvingTo('203.0.113.7');
    const res = await createOutboundGate(() => undefined, { resolve }).request(`http://127.0.0.1:${server.port}/`, { purpose: 'test' });
    expect(res.text()).toBe('internal admin page');
    expect(resolve.calls).toEqual([]);
  });

  it('reaches a name on the local network when its allow-list entry says so, at the address checked, Host kept', async () => {
    const server = await loopbackServer();
    const resolve = resolvingTo('127.0.0.1');
    const policy = new NetworkPolicy(() => false, { resolve });
    policy.addOriginProvider(() => [
      { origin: `http://gateway.corp.example:${server.port}`, reason: 'source: intranet gateway', localNetwork: true },
      { origin: `http://other.corp.example:${server.port}`, reason: 'source: not local' },
    ]);
    const gate = policy.gateFor('live');
    const res = await gate.request(`http://gateway.corp.example:${server.port}/feed`, { purpose: 'test' });
    expect(res.text()).toBe('internal admin page');
    expect(server.hosts).toEqual([`gateway.corp.example:${server.port}`]);
    expect(resolve.calls).toEqual(['gateway.corp.example']);
    const refused = await errorOf(gate.request(`http://other.corp.example:${server.port}/feed`, { purpose: 'test' }));
    expect(refused.health.key).toBe('privateAddress');
    expect(server.hosts).toHaveLength(1);
    expect(policy.view('live').allowed).toContainEqual({ origin: `http://gateway.corp.example:${server.port}`, reason: 'source: intranet gateway', localNetwork: true });
  });

  it('checks every redirect hop: an allowed server cannot bounce the request to a name that resolves locally', async () => {
    const inside = await loopbackServer();
    const outside = createServer((_req, res) => res.writeHead(302, { Location: `http://metadata.example:${inside.port}/latest` }).end());
    servers.push(outside);
    await new Promise<void>((r) => outside.listen(0, '127.0.0.1', r));
    const error = await errorOf(
      createOutboundGate(() => undefined, { resolve: resolvingTo('169.254.169.254') }).request(`http://127.0.0.1:${(outside.address() as AddressInfo).port}/`, {
        purpose: 'test',
      }),
    );
    expect(error.health).toMatchObject({ key: 'privateAddress', params: { range: 'linkLocal' } });
    expect(inside.hosts).toEqual([]);
  });

  it('refuses a live-feed WebSocket to a name that resolves locally, before the handshake', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    sockets.push(wss);
    await new Promise<void>((r) => wss.once('listening', r));
    let connections = 0;
    wss.on('connection', () => connections++);
    const port = (wss.address() as AddressInfo).port;
    const socket = openGatedSocket(`ws://stream.example.org:${port}/`, undefined, () => undefined, { resolve: resolvingTo('127.0.0.1') });
    const failure = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(failure.message).toMatch(/stream\.example\.org resolves to 127\.0\.0\.1 \(loopback\)/);
    expect(connections).toBe(0);
    const literal = openGatedSocket(`ws://127.0.0.1:${port}/`, undefined, () => undefined);
    await new Promise<void>((resolve, reject) => (literal.once('open', resolve), literal.once('error', reject)));
    literal.close();
    expect(connections).toBe(1);
  });

  it('an RSS source on an intranet name is polled only when its setting says it is on the local network', async () => {
    const feed = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet</title><item><title>Note interne</title><link>https://intranet.example/a</link><guid>a</guid><pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>`,
      );
      hosts.push(req.headers.host);
    });
    const hosts: (string | undefined)[] = [];
    servers.push(feed);
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    const url = `http://veille.corp.example:${(feed.address() as AddressInfo).port}/rss`;
    const dataDir = tempDir();
    const core = makeTestCore(dataDir, { resolve: resolvingTo('127.0.0.1') });
    try {
      const tested = await invoke(core, 'sources:test', { workspaceId: 'live', source: { kind: 'rss', name: 'Intranet', config: { url } } });
      expect(tested.detail).toMatchObject({ key: 'privateAddress', params: { host: 'veille.corp.example', address: '127.0.0.1' } });
      const source = await invoke(core, 'sources:create', { workspaceId: 'live', source: { kind: 'rss', name: 'Intranet', config: { url } } });
      const refused = await invoke(core, 'sources:pollNow', { workspaceId: 'live', id: source.id });
      expect(refused.health.lastErrorMessage).toMatchObject({ key: 'privateAddress' });
      expect(hosts).toEqual([]);

      const local = { url, localNetwork: true };
      expect((await invoke(core, 'sources:test', { workspaceId: 'live', source: { kind: 'rss', name: 'Intranet', config: local } })).ok).toBe(true);
      await invoke(core, 'sources:update', { workspaceId: 'live', id: source.id, source: { kind: 'rss', name: 'Intranet', config: local } });
      const polled = await invoke(core, 'sources:pollNow', { workspaceId: 'live', id: source.id });
      expect(polled.health.lastError).toBeNull();
      expect(hosts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(hosts)).toEqual(new Set([`veille.corp.example:${(feed.address() as AddressInfo).port}`]));
      const policy = await invoke(core, 'security:networkPolicy', { workspaceId: 'live' });
      expect(policy.allowed).toEqual([{ origin: new URL(url).origin, reason: 'source: Intranet', localNetwork: true }]);
    } finally {
      core.close();
    }
  });
});
