import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkPolicy } from '../../../../../src/main/platform/net/networkPolicy';
import { OutboundError } from '../../../../../src/main/platform/net/outboundGate';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A loopback server that counts the requests it sees. */
async function countingServer(): Promise<{ origin: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

describe('network policy', () => {
  it('lets through only the origins that features declare', async () => {
    const allowed = await countingServer();
    const other = await countingServer();
    const policy = new NetworkPolicy(() => false);
    policy.addOriginProvider(() => [{ origin: `${allowed.origin}/feed.xml`, reason: 'source: Le Temps' }]);
    const gate = policy.gateFor('live');

    expect((await gate.request(`${allowed.origin}/feed.xml`, { purpose: 'test' })).status).toBe(200);
    const refused = await gate.request(`${other.origin}/`, { purpose: 'test' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboundError);
    expect((refused as OutboundError).message).toContain(`${other.origin} is not on this workspace's allow-list`);
    expect(other.hits()).toBe(0);
    expect(allowed.hits()).toBe(1);
    expect(policy.view('live')).toEqual({ sealed: false, allowed: [{ origin: allowed.origin, reason: 'source: Le Temps' }] });
  });

  it('sends nothing at all when sealed, even to declared origins', async () => {
    const server = await countingServer();
    let sealed = true;
    const policy = new NetworkPolicy(() => sealed);
    policy.addOriginProvider(() => [{ origin: server.origin, reason: 'outbox: Mastodon' }]);
    const error = await policy.gateFor('live').request(server.origin, { purpose: 'test' }).catch((e: unknown) => e);
    expect((error as OutboundError).kind).toBe('refused');
    expect((error as OutboundError).message).toMatch(/Sealed mode is on/);
    expect(server.hits()).toBe(0);
    sealed = false;
    expect((await policy.gateFor('live').request(server.origin, { purpose: 'test' })).status).toBe(200);
  });

  it('keeps each workspace to its own allow-list', () => {
    const policy = new NetworkPolicy(() => false);
    policy.addOriginProvider((ws) => (ws === 'live' ? [{ origin: 'https://mastodon.social', reason: 'source' }] : []));
    expect(policy.refusal('live', new URL('https://mastodon.social/api/v2/search'))).toBeUndefined();
    expect(policy.refusal('drill', new URL('https://mastodon.social/api/v2/search'))).toEqual({
      key: 'notAllowed',
      params: { origin: 'https://mastodon.social' },
    });
  });

  it('ignores declared origins that are not http(s) URLs', () => {
    const policy = new NetworkPolicy(() => false);
    policy.addOriginProvider(() => [
      { origin: 'javascript:alert(1)', reason: 'x' },
      { origin: 'not a url', reason: 'y' },
    ]);
    expect(policy.view('live').allowed).toEqual([]);
  });
});
