// Sealed mode and the allow-list, end to end through a real RSS source, the scheduler and the gate:
// the fake server must see no request at all, and the source health must say why.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Le Quotidien</title>
<item><title>Fuite de données à la Banque Léman</title><link>https://news.example.ch/a1</link><guid>a1</guid>
<pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>`;

async function feedServer(handler?: (path: string) => string | undefined): Promise<{ origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const redirect = handler?.(req.url ?? '');
    if (redirect) return void res.writeHead(302, { Location: redirect }).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(FEED);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('sealed mode', () => {
  it('sends nothing when sealed and the source health says why; polls again once unsealed', async () => {
    const feed = await feedServer();
    const core = makeTestCore(tempDir());
    await invoke(core, 'workspaces:updateSettings', { workspaceId: 'live', settings: { sealed: true } });
    const source = await invoke(core, 'sources:create', {
      workspaceId: 'live',
      source: { kind: 'rss', name: 'Le Quotidien', config: { url: `${feed.origin}/feed.xml` } },
    });
    const sealed = await invoke(core, 'sources:pollNow', { workspaceId: 'live', id: source.id });
    expect(feed.hits).toEqual([]);
    expect(sealed.health.lastError).toMatch(/Sealed mode/);
    expect(sealed.health.lastErrorMessage).toEqual({ key: 'sealed', params: {} });

    await invoke(core, 'workspaces:updateSettings', { workspaceId: 'live', settings: { sealed: false } });
    const open = await invoke(core, 'sources:pollNow', { workspaceId: 'live', id: source.id });
    expect(feed.hits).toEqual(['/feed.xml']);
    expect(open.health.lastError).toBeNull();
    expect(open.health.lastErrorMessage).toBeNull();
    core.close();
  });

  it('refuses a loopback port no enabled source declares, even when an allowed feed redirects there', async () => {
    const other = await feedServer();
    const feed = await feedServer(() => `${other.origin}/internal`);
    const core = makeTestCore(tempDir());
    const source = await invoke(core, 'sources:create', {
      workspaceId: 'live',
      source: { kind: 'rss', name: 'Bouncing feed', config: { url: `${feed.origin}/feed.xml` } },
    });
    const after = await invoke(core, 'sources:pollNow', { workspaceId: 'live', id: source.id });
    expect(feed.hits).toEqual(['/feed.xml']);
    expect(other.hits).toEqual([]);
    expect(after.health.lastError).toContain(`${other.origin} is not on this workspace's allow-list`);
    expect(after.health.lastErrorMessage).toEqual({ key: 'notAllowed', params: { origin: other.origin } });
    const policy = await invoke(core, 'security:networkPolicy', { workspaceId: 'live' });
    expect(policy.allowed.map((a) => a.origin)).toEqual([feed.origin]);
    core.close();
  });
});
