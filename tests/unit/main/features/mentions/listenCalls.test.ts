// Listening through the contract on a real core (encrypted workspace, dispatcher, services).
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { rssFeed, startFeedServer, type FeedServer } from '../../../../support/feedServer';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const cores: Core[] = [];
const servers: FeedServer[] = [];
afterEach(async () => {
  cores.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function core(): Core {
  const c = makeTestCore(tempDir());
  cores.push(c);
  return c;
}

describe('listen calls', () => {
  it('validates sources and watches with clear errors, and never returns secrets', async () => {
    const c = core();
    await expect(invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'rss', name: 'x', config: { url: 'ftp://x' } } })).rejects.toThrow(
      /must start with http/,
    );
    await expect(invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Vide' } })).rejects.toThrow(/at least one keyword/);
    await expect(invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'X', sourceIds: [42] } })).rejects.toThrow(/Unknown source/);
    const hook = await invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'webhook', name: 'agent', config: { port: 0 }, credentials: { token: 's3cret' } } });
    expect(hook.credentialKeys).toEqual(['secret', 'token']);
    expect(JSON.stringify(await invoke(c, 'sources:list', { workspaceId: 'live' }))).not.toContain('s3cret');
  });

  it('tests, saves, fetches and searches a feed; capture lands in the stream; rollups follow the watch', async () => {
    const feed = await startFeedServer({ kind: 'feed', body: rssFeed([1, 2, 3]) });
    servers.push(feed);
    const c = core();
    const seen: string[] = [];
    c.events.subscribe((name) => seen.push(name));
    const watch = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'ACME', keywords: ['acme'] } });

    const tested = await invoke(c, 'sources:test', { workspaceId: 'live', source: { kind: 'rss', name: 'Q', config: { url: feed.url } } });
    expect(tested).toMatchObject({ ok: true, itemCount: 3, message: '3 item(s) read.', detail: { key: 'testRead', params: { count: 3 } } });
    expect(tested.sample[0]?.title).toContain('ACME');
    const bad = await invoke(c, 'sources:test', { workspaceId: 'live', source: { kind: 'rss', name: 'Q', config: { url: feed.url.replace(/\d+\/feed/, '1/feed') } } });
    expect(bad).toMatchObject({ ok: false, detail: { key: 'unreachable' } });

    const source = await invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'rss', name: 'Le Quotidien', config: { url: feed.url } } });
    const polled = await invoke(c, 'sources:pollNow', { workspaceId: 'live', id: source.id });
    expect(polled.health).toMatchObject({ state: 'ok', itemsLastHour: 3, consecutiveFailures: 0 });

    const found = await invoke(c, 'mentions:search', { workspaceId: 'live', filter: { query: 'fuite de donnees', watchId: watch.id } });
    expect(found.items).toHaveLength(3);
    expect(found.items[0]?.text).not.toContain('<');
    const page1 = await invoke(c, 'mentions:search', { workspaceId: 'live', filter: {}, limit: 2 });
    expect(page1.hasMore).toBe(true);
    const tail = page1.items[1]!;
    const page2 = await invoke(c, 'mentions:search', { workspaceId: 'live', filter: {}, limit: 2, before: { publishedAt: tail.publishedAt, id: tail.id } });
    expect(page2.items.map((m) => m.id)).not.toContain(tail.id);

    const captured = await invoke(c, 'mentions:capture', {
      workspaceId: 'live',
      capture: { channel: 'tv', outlet: 'France 2', text: 'Reportage sur ACME', audience: 4_000_000, occurredAt: '2026-03-10T19:05:00+01:00', language: 'fr' },
    });
    expect(captured.id).not.toBeNull();
    const big = await invoke(c, 'mentions:search', { workspaceId: 'live', filter: { minAudience: 1_000_000 } });
    expect(big.items.map((m) => m.sourceName)).toEqual(['France 2']);
    const detail = await invoke(c, 'mentions:get', { workspaceId: 'live', id: captured.id! });
    expect(detail).toMatchObject({ sourceKind: 'manual', watchIds: [watch.id], publishedAt: '2026-03-10T18:05:00.000Z' });

    const day = { workspaceId: 'live', watchId: watch.id, range: '24h', to: '2026-03-11T00:00:00Z' } as const;
    const series = await invoke(c, 'dashboard:series', day);
    expect(series.points.reduce((n, p) => n + p.count, 0)).toBe(4);
    expect((await invoke(c, 'dashboard:breakdown', day)).sources).toEqual([
      { value: 'Le Quotidien', count: 3 },
      { value: 'Manual capture (tv)', count: 1 },
    ]);

    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual(expect.arrayContaining(['watches:changed', 'sources:changed', 'mentions:changed']));
    expect(seen.filter((n) => n === 'mentions:changed').length).toBeLessThanOrEqual(2);

    const paused = await invoke(c, 'sources:setPaused', { workspaceId: 'live', id: source.id, paused: true });
    expect(paused.health.state).toBe('paused');
    await expect(invoke(c, 'sources:delete', { workspaceId: 'live', id: source.id })).rejects.toThrow(/pause it instead/);
  });

  it('deletes a source only when no mention and no watch depends on it', async () => {
    const c = core();
    const hook = await invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'webhook', name: 'Agent', config: { port: 0 } } });
    const other = await invoke(c, 'sources:create', { workspaceId: 'live', source: { kind: 'webhook', name: 'Autre', config: { port: 0 } } });
    const watch = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Agent seul', keywords: ['acme'], sourceIds: [hook.id] } });
    // Deleting the watch's only source would make it count every source.
    await expect(invoke(c, 'sources:delete', { workspaceId: 'live', id: hook.id })).rejects.toThrow(/limited to this source: Agent seul/);
    await invoke(c, 'watches:update', { workspaceId: 'live', id: watch.id, watch: { name: 'Agent seul', keywords: ['acme'], sourceIds: [other.id] } });
    expect(await invoke(c, 'sources:delete', { workspaceId: 'live', id: hook.id })).toEqual({ deleted: true });
    expect((await invoke(c, 'sources:list', { workspaceId: 'live' })).map((s) => s.name)).toEqual(['Autre']);
  });
});
