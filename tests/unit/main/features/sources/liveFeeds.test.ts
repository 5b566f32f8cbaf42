// Live feeds over loopback WebSockets: Mastodon hashtag streaming and Bluesky Jetstream feed ingestion as
// posts arrive; dropped connections reconnect with backoff and the REST poller catches up what was missed;
// garbage frames and sealed mode never crash anything.
import { healthMessage } from '../../../../../src/shared/domain/healthMessage';
import { afterEach, describe, expect, it } from 'vitest';
import { jetstreamLiveFeed } from '../../../../../src/main/features/sources/live/jetstreamLiveFeed';
import { LiveFeedService } from '../../../../../src/main/features/sources/live/liveFeedService';
import { mastodonLiveFeed } from '../../../../../src/main/features/sources/live/mastodonLiveFeed';
import { mastodonConnector } from '../../../../../src/main/features/sources/connectors/mastodon/mastodonConnector';
import { silentLogger } from '../../../../../src/main/platform/logger';
import { postCommit, startJetstream, type JetstreamServer } from '../../../../support/jetstreamServer';
import { schedulerFixture } from '../../../../support/schedulerFixture';
import { startMastodonInstance, type MastodonInstance } from '../../../../support/mastodonInstance';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function setup(policy: { sealed: boolean } = { sealed: false }) {
  const t = schedulerFixture(mastodonConnector, { wallClock: true, random: Math.random });
  const { ingest, events, scheduler } = t;
  const catchUps: number[] = [];
  const live = new LiveFeedService({
    workspaces: t.lookup,
    feeds: [mastodonLiveFeed, jetstreamLiveFeed],
    ingest,
    refusal: () => (policy.sealed ? healthMessage('sealed') : undefined),
    catchUp: (workspaceId, sourceId) => {
      catchUps.push(sourceId);
      void scheduler.pollNow(workspaceId, sourceId);
    },
    events,
    logger: silentLogger,
    random: () => 0,
    minBackoffMs: 50,
    idleTimeoutMs: 2000,
    flushMs: 20,
  });
  cleanups.push(() => live.stop(), () => scheduler.stop());
  return { ...t, live, catchUps, policy };
}

describe('live feeds', () => {
  it('stores Mastodon hashtag posts as they stream, reconnects after a drop and catches up the gap over REST', async () => {
    const server: MastodonInstance = await startMastodonInstance();
    cleanups.push(() => server.close());
    const t = setup();
    const sourceId = t.repo.create(
      { kind: 'mastodon', name: 'Mastodon', config: { instance: server.url, mode: 'hashtag', query: 'AcmeLeak' }, credentials: { accessToken: 'user-token-1' }, intervalSeconds: 3600 },
      new Date().toISOString(),
    );
    t.live.startWorkspace('live');
    await until(() => server.streams === 1 && t.live.state('live', sourceId) === 'live', 'the stream to open');
    await until(() => t.catchUps.length === 1 && t.repo.get(sourceId)!.lastSuccessAt !== null, 'the first catch-up poll to finish');
    expect(t.repo.get(sourceId)!.cursor).toMatchObject({ streaming: `ws://${server.host}` });

    server.post(3);
    await until(() => t.count() === 3, 'three streamed posts');
    server.sendRaw('{not json');
    server.sendRaw(JSON.stringify({ stream: ['hashtag'], event: 'update', payload: '{"id":"x"}' }));
    server.sendRaw(JSON.stringify({ stream: ['hashtag'], event: 'delete', payload: '123' }));

    server.streamingDown = true;
    server.dropStreams();
    await until(() => t.live.state('live', sourceId) === 'waiting', 'the drop to be noticed');
    server.post(4, undefined, false); // published while the stream is down: nobody hears them live
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.count()).toBe(3);
    server.streamingDown = false;
    await until(() => t.live.state('live', sourceId) === 'live', 'the reconnection');
    await until(() => t.count() === 7, 'the REST catch-up of the 4 missed posts');
    expect(t.catchUps.length).toBeGreaterThanOrEqual(2);

    server.post(1);
    await until(() => t.count() === 8, 'streaming after the reconnection');
  });

  it('filters the Jetstream firehose by the source words, resumes from its cursor after a drop, ignores garbage', async () => {
    const jetstream: JetstreamServer = await startJetstream();
    cleanups.push(() => jetstream.close());
    const t = setup();
    const sourceId = t.repo.create(
      { kind: 'bluesky', name: 'Bluesky live', config: { service: 'https://bsky.social', query: 'acme "fuite de donnees"', jetstream: jetstream.url }, credentials: {}, intervalSeconds: 3600 },
      new Date().toISOString(),
    );
    t.live.startWorkspace('live');
    await until(() => jetstream.clients === 1, 'the Jetstream connection');
    expect(jetstream.connections[0]!.get('wantedCollections')).toBe('app.bsky.feed.post');
    expect(jetstream.connections[0]!.get('cursor')).toBeNull();

    const match = postCommit('did:plc:abc', '3lkx1', 'Énorme FUITE DE DONNÉES chez Acme, mon IBAN circule');
    jetstream.send(postCommit('did:plc:abc', '3lkx0', 'Un post sans rapport'));
    jetstream.send(postCommit('did:plc:abc', '3lkx2', 'acme fuite de gaz'));
    jetstream.send(match);
    jetstream.send({ ...postCommit('did:plc:abc', '3lkx3', 'acme fuite de données'), commit: { operation: 'delete', collection: 'app.bsky.feed.post', rkey: '3lkx3', rev: 'r' } });
    jetstream.send({ did: 'did:plc:abc', time_us: 1, kind: 'identity', identity: { did: 'did:plc:abc', handle: 'x.bsky.social', seq: 1, time: '2026-03-10T00:00:00Z' } });
    const last = postCommit('did:plc:abc', '3lkx4', 'acme fuite de données', { text: 12 });
    jetstream.send(last);
    jetstream.sendRaw('garbage{{{');
    jetstream.sendRaw(Buffer.from([0, 1, 2, 3]));
    await until(() => t.count() === 1, 'the one matching post');
    await t.live.settled();
    const row = t.db.prepare('SELECT external_id AS id, url, text, source_name AS sourceName FROM mentions').get();
    expect(row).toEqual({
      id: 'at://did:plc:abc/app.bsky.feed.post/3lkx1',
      url: 'https://bsky.app/profile/did%3Aplc%3Aabc/post/3lkx1',
      text: 'Énorme FUITE DE DONNÉES chez Acme, mon IBAN circule',
      sourceName: 'Bluesky',
    });

    jetstream.drop();
    await until(() => jetstream.connections.length === 2 && jetstream.clients === 1, 'the reconnection');
    // Rewound 5 s from the newest event seen (the identity event's bogus time_us 1 did not move it back).
    expect(Number(jetstream.connections[1]!.get('cursor'))).toBe(last.time_us - 5_000_000);
    jetstream.send(match); // replayed by the rewind: stored once
    jetstream.send(postCommit('did:plc:def', '3lky9', 'ACME: fuite de données confirmée'));
    await until(() => t.count() === 2, 'the post after the reconnection');
    expect(t.live.state('live', sourceId)).toBe('live');
  });

  it('opens nothing in sealed mode, and connects as soon as the policy allows it; paused sources close', async () => {
    const jetstream = await startJetstream();
    cleanups.push(() => jetstream.close());
    const t = setup({ sealed: true });
    const sourceId = t.repo.create(
      { kind: 'bluesky', name: 'Bluesky live', config: { service: 'https://bsky.social', query: 'acme', jetstream: jetstream.url }, credentials: {}, intervalSeconds: 3600 },
      new Date().toISOString(),
    );
    const pushed: string[] = [];
    t.events.subscribe((name) => pushed.push(name));
    t.live.startWorkspace('live');
    expect(t.live.state('live', sourceId)).toBe('refused');
    expect(t.live.list('live')).toEqual([
      { sourceId, state: 'refused', detail: 'Sealed mode is on: no network traffic leaves this workspace.', detailMessage: { key: 'sealed', params: {} } },
    ]);
    expect(pushed).toContain('sources:liveFeedsChanged');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(jetstream.connections).toHaveLength(0);

    t.policy.sealed = false;
    t.events.emit('workspaces:changed', { workspaceId: 'live' });
    await until(() => jetstream.clients === 1, 'the connection once unsealed');
    await until(() => t.live.list('live')[0]?.state === 'live', 'the live state');
    expect(t.live.list('live')).toEqual([{ sourceId, state: 'live' }]);

    t.repo.setPaused(sourceId, true, new Date().toISOString());
    t.events.emit('sources:changed', { workspaceId: 'live' });
    await until(() => jetstream.clients === 0, 'the paused source to close');
    expect(t.live.state('live', sourceId)).toBeUndefined();
    expect(t.live.allowedOrigins('live')).toEqual([]);
    t.repo.setPaused(sourceId, false, new Date().toISOString());
    expect(t.live.allowedOrigins('live')).toEqual([{ origin: jetstream.url.replace('ws://', 'http://').replace('/subscribe', ''), reason: 'live feed: Bluesky live' }]);
  });
});
