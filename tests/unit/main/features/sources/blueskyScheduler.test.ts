// Bluesky search end to end over loopback HTTP: scheduler → outbound gate → connector (XRPC, app-password
// session) → ingestion → source health.
import { afterEach, describe, expect, it } from 'vitest';
import { blueskyConnector } from '../../../../../src/main/features/sources/connectors/bluesky/blueskyConnector';
import { postView, startBlueskyPds, type BlueskyPds } from '../../../../support/blueskyPds';
import { schedulerFixture } from '../../../../support/schedulerFixture';

const servers: BlueskyPds[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const CREDENTIALS = { identifier: 'cellule.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' };

async function setup(config: Record<string, unknown> = {}, credentials: Record<string, string> = CREDENTIALS) {
  const server = await startBlueskyPds();
  servers.push(server);
  const t = schedulerFixture(blueskyConnector);
  const sourceId = t.repo.create(
    { kind: 'bluesky', name: 'Bluesky « fuite »', config: { service: server.url, query: 'fuite', timeoutSeconds: 1, ...config }, credentials, intervalSeconds: 120 },
    t.nowIso(),
  );
  return { ...t, server, sourceId };
}

const searches = (server: BlueskyPds) => server.calls.filter((c) => c.nsid === 'app.bsky.feed.searchPosts');

describe('Bluesky connector through the scheduler', () => {
  it('logs in once with the app password, searches, and pages through what is new on later polls', async () => {
    const t = await setup();
    t.server.post(30);
    t.server.post(5, (i) => `Rien à voir ${i}`);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 30 });
    const first = t.server.posts[29]!;
    const row = t.db
      .prepare('SELECT text, url, author_handle AS handle, author_name AS name, language, likes, shares, published_at AS publishedAt, source_name AS sourceName FROM mentions WHERE external_id = ?')
      .get(first.uri);
    expect(row).toEqual({
      text: 'Fuite de données chez ACME : mon compte a été débité deux fois (n°29)',
      url: `https://bsky.app/profile/journaliste.bsky.social/post/3l00000000029`,
      handle: '@journaliste.bsky.social',
      name: 'Élise Journaliste',
      language: 'fr',
      likes: 39,
      shares: 4,
      publishedAt: (first.record as { createdAt: string }).createdAt,
      sourceName: 'Bluesky',
    });
    expect(searches(t.server)[0]!.query.get('sort')).toBe('latest');
    expect(searches(t.server)[0]!.authorization).toMatch(/^Bearer access\./);

    t.server.post(250);
    const second = await t.scheduler.runOnce('live', t.sourceId);
    expect(second).toMatchObject({ ok: true, inserted: 250 });
    expect(t.count()).toBe(280);
    expect(searches(t.server).slice(1).map((c) => c.query.get('cursor'))).toEqual([null, '100', '200']);
    expect(searches(t.server)[1]!.query.get('since')).toBeTruthy();
    expect(t.server.sessionsCreated).toBe(1);
  });

  it('refreshes an expired session instead of logging in again, and logs in again only when the refresh is refused', async () => {
    const t = await setup();
    t.server.post(3);
    await t.scheduler.runOnce('live', t.sourceId);
    t.server.expireAccessTokens();
    t.server.post(2);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 2 });
    expect(t.server.calls.filter((c) => c.nsid === 'com.atproto.server.refreshSession')).toHaveLength(1);
    expect(t.server.sessionsCreated).toBe(1);

    // The stored refresh token was rotated by the server: an old one is refused, so a new session is made.
    const stored = t.repo.get(t.sourceId)!.cursor as { session: { refreshJwt: string } };
    t.db.prepare('UPDATE sources SET cursor_json = json_set(cursor_json, ?, ?) WHERE id = ?').run('$.session.refreshJwt', 'refresh.0.revoked', t.sourceId);
    expect(stored.session.refreshJwt).not.toBe('refresh.0.revoked');
    t.server.expireAccessTokens();
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true });
    expect(t.server.sessionsCreated).toBe(2);
  });

  it('shows a clear error for a wrong app password, 429, 5xx, garbage, truncated bodies, timeouts and dropped connections, backs off, and recovers what was missed', async () => {
    const t = await setup();
    t.server.post(4);
    await t.scheduler.runOnce('live', t.sourceId);
    const reset = String(Math.floor(Date.parse('2026-03-10T12:15:00Z') / 1000));
    const failures = [
      { failure: { kind: 'status', status: 429, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': reset } }, message: /asks to slow down \(HTTP 429/ },
      { failure: { kind: 'status', status: 502 }, message: /server problem \(HTTP 502\)/ },
      { failure: { kind: 'garbage' }, message: /not JSON/ },
      { failure: { kind: 'truncated' }, message: /Connection to 127\.0\.0\.1:\d+ broke/ },
      { failure: { kind: 'hang' }, message: /too slow|No answer/ },
      { failure: { kind: 'reset' }, message: /Cannot reach 127\.0\.0\.1:\d+/ },
    ] as const;
    let previous = 0;
    for (const [i, { failure, message }] of failures.entries()) {
      t.server.failure = failure;
      t.server.post(3);
      const outcome = await t.scheduler.runOnce('live', t.sourceId);
      expect(outcome.error).toMatch(message);
      const health = t.repo.get(t.sourceId)!;
      expect(health).toMatchObject({ consecutiveFailures: i + 1, lastError: expect.stringMatching(message) });
      const delay = Date.parse(health.nextAttemptAt!) - t.now().getTime();
      if (i === 0) expect(delay).toBeGreaterThanOrEqual(15 * 60_000);
      else if (i > 1) expect(delay).toBeGreaterThan(previous);
      previous = delay;
      t.advance(delay);
    }
    t.server.failure = undefined;
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 18 });
    expect(t.count()).toBe(22);
    expect(t.repo.get(t.sourceId)).toMatchObject({ consecutiveFailures: 0, lastError: null });

    const fresh = await setup();
    fresh.server.password = 'changed';
    const refused = await fresh.scheduler.runOnce('live', fresh.sourceId);
    expect(refused.error).toMatch(/refused the account or app password \(AuthenticationRequired\)/);
    expect(searches(fresh.server)).toHaveLength(0);
  });

  it('skips malformed posts with a reason, keeps the good ones, and falls back to indexedAt for a bogus createdAt', async () => {
    const t = await setup();
    t.server.post(2);
    t.server.posts.push(
      { uri: 'not-an-at-uri', record: { text: 'fuite' }, indexedAt: '2026-03-10T09:30:00.000Z' },
      postView(77, 'fuite au futur', new Date('2026-03-10T09:40:00.000Z'), {}),
    );
    (t.server.posts[3]!.record as { createdAt: string }).createdAt = '0001-01-01T00:00:00Z';
    const outcome = await t.scheduler.runOnce('live', t.sourceId);
    expect(outcome).toMatchObject({ ok: true, inserted: 3, rejected: 1 });
    const published = t.db.prepare("SELECT published_at FROM mentions WHERE text = 'fuite au futur'").pluck().get();
    expect(published).toBe('2026-03-10T09:40:00.000Z');
  });

  it('says what is missing when there is no app password (unless the source is live-only), and validates its settings', async () => {
    const t = await setup({}, {});
    expect((await t.scheduler.runOnce('live', t.sourceId)).error).toMatch(/needs your handle and an app password/);
    const liveOnly = await setup({ jetstream: 'wss://jetstream2.us-east.bsky.network/subscribe' }, {});
    expect(await liveOnly.scheduler.runOnce('live', liveOnly.sourceId)).toMatchObject({ ok: true, inserted: 0 });
    expect(liveOnly.server.calls).toHaveLength(0);
    expect(() => blueskyConnector.validateConfig({ service: 'bsky.social', query: 'x' })).toThrow(/must start with https/);
    expect(() => blueskyConnector.validateConfig({ service: 'https://bsky.social', query: '' })).toThrow(/which words/);
    expect(() => blueskyConnector.validateConfig({ service: 'https://bsky.social', query: 'acme', lang: 'French' })).toThrow(/two-letter/);
  });
});
