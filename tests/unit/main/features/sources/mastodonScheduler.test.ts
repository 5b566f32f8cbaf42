// Mastodon end to end over loopback HTTP: scheduler → outbound gate → connector → ingestion → source health.
import { afterEach, describe, expect, it } from 'vitest';
import { mastodonConnector } from '../../../../../src/main/features/sources/connectors/mastodon/mastodonConnector';
import { schedulerFixture } from '../../../../support/schedulerFixture';
import { mastodonStatus, startMastodonInstance, type MastodonInstance } from '../../../../support/mastodonInstance';

const instances: MastodonInstance[] = [];
afterEach(async () => {
  await Promise.all(instances.splice(0).map((s) => s.close()));
});

async function setup(config: Record<string, unknown> = {}, credentials: Record<string, string> = {}) {
  const server = await startMastodonInstance();
  instances.push(server);
  const t = schedulerFixture(mastodonConnector);
  const sourceId = t.repo.create(
    { kind: 'mastodon', name: 'Mastodon #AcmeLeak', config: { instance: server.url, mode: 'hashtag', query: '#acmeleak', timeoutSeconds: 1, ...config }, credentials, intervalSeconds: 120 },
    t.nowIso(),
  );
  return { ...t, server, sourceId };
}

describe('Mastodon connector through the scheduler', () => {
  it('ingests the hashtag timeline, then pages forward with min_id through the Link header', async () => {
    const t = await setup();
    t.server.post(5);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 5 });
    const newest = t.server.statuses.at(-1)!;
    expect(t.repo.get(t.sourceId)!.cursor).toEqual({ minId: newest.id, streaming: null });
    const row = t.db
      .prepare('SELECT text, url, author_handle AS handle, author_name AS name, author_audience AS audience, language, likes, source_name AS sourceName FROM mentions WHERE external_id = ?')
      .get(newest.uri);
    expect(row).toEqual({
      text: 'Fuite de données chez #AcmeLeak n°4',
      url: newest.url,
      handle: `@camille${(newest.account as { username: string }).username.slice(-1)}@${t.server.host}`,
      name: (newest.account as { display_name: string }).display_name,
      audience: (newest.account as { followers_count: number }).followers_count,
      language: 'fr',
      likes: newest.favourites_count,
      sourceName: t.server.host,
    });

    t.server.post(95);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 95, duplicates: 0 });
    expect(t.count()).toBe(100);
    const second = t.server.requests.slice(1).map((r) => r.query.get('min_id'));
    expect(second).toHaveLength(4); // 40 + 40 + 15, then an empty page
    expect(second[0]).toBe(newest.id);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 0 });
  });

  it('stops paging when the instance says the rate-limit budget is spent, and resumes on the next poll', async () => {
    const t = await setup();
    t.server.post(1);
    await t.scheduler.runOnce('live', t.sourceId);
    t.server.post(95);
    t.server.remaining = 1; // the next answer reports 1 left, the one after reports 0
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 80 });
    t.server.remaining = 300;
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 15 });
    expect(t.count()).toBe(96);
  });

  it('shows a clear error for 429, 5xx, garbage, truncated bodies, timeouts and dropped connections, backs off, and recovers what was missed', async () => {
    const t = await setup();
    t.server.post(3);
    await t.scheduler.runOnce('live', t.sourceId);
    const failures = [
      { failure: { kind: 'status', status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-03-10T12:10:00.000Z' } }, message: /asks to slow down \(HTTP 429/ },
      { failure: { kind: 'status', status: 503 }, message: /server problem \(HTTP 503\)/ },
      { failure: { kind: 'garbage' }, message: /not JSON/ },
      { failure: { kind: 'truncated' }, message: /Connection to 127\.0\.0\.1:\d+ broke/ },
      { failure: { kind: 'hang' }, message: /too slow|No answer/ },
      { failure: { kind: 'reset' }, message: /Cannot reach 127\.0\.0\.1:\d+/ },
    ] as const;
    let previousDelay = 0;
    for (const [i, { failure, message }] of failures.entries()) {
      t.server.failure = failure;
      t.server.post(2); // posts keep coming during the outage
      const outcome = await t.scheduler.runOnce('live', t.sourceId);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(message);
      const health = t.repo.get(t.sourceId)!;
      expect(health.lastError).toMatch(message);
      expect(health.consecutiveFailures).toBe(i + 1);
      const delay = Date.parse(health.nextAttemptAt!) - t.now().getTime();
      // The rate-limit window resets in 10 minutes; after that, exponential backoff grows each time.
      if (i === 0) expect(delay).toBeGreaterThanOrEqual(10 * 60_000);
      else if (i > 1) expect(delay).toBeGreaterThan(previousDelay);
      previousDelay = delay;
      t.advance(delay);
    }
    expect(t.scheduler.isOffline('live', t.sourceId)).toBe(true);
    expect(t.count()).toBe(3);

    t.server.failure = undefined;
    const recovered = await t.scheduler.runOnce('live', t.sourceId);
    expect(recovered).toMatchObject({ ok: true, inserted: 12 });
    expect(t.count()).toBe(15);
    expect(t.repo.get(t.sourceId)).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(t.scheduler.isOffline('live', t.sourceId)).toBe(false);
  });

  it('skips malformed statuses with a reason and keeps the good ones; a boost counts as its original post', async () => {
    const t = await setup();
    t.server.post(2);
    const original = t.server.statuses[0]!;
    t.server.statuses.push(
      { id: '999999999999999999999', tags: [{ name: 'acmeleak' }], content: 42 },
      { ...mastodonStatus(BigInt(original.id as string) + 5n, t.server.host, ''), reblog: original },
    );
    const outcome = await t.scheduler.runOnce('live', t.sourceId);
    expect(outcome).toMatchObject({ ok: true, inserted: 2, duplicates: 1, rejected: 1 });
  });

  it('searches statuses with the user token; without or with a wrong token the health says what to do', async () => {
    const t = await setup({ mode: 'search', query: 'fuite' }, { accessToken: 'user-token-1' });
    t.server.post(3);
    t.server.post(2, (i) => `<p>Sans rapport ${i}</p>`);
    expect(await t.scheduler.runOnce('live', t.sourceId)).toMatchObject({ ok: true, inserted: 3 });
    expect(t.server.requests[0]!.authorization).toBe('Bearer user-token-1');
    t.server.token = 'rotated';
    t.advance(600_000);
    expect((await t.scheduler.runOnce('live', t.sourceId)).error).toMatch(/refused the access token \(HTTP 401\)/);

    const bare = await setup({ mode: 'search', query: 'fuite' });
    expect((await bare.scheduler.runOnce('live', bare.sourceId)).error).toMatch(/needs an access token/);
    expect(bare.server.requests).toHaveLength(0);
  });

  it('validates its settings with human messages', () => {
    expect(() => mastodonConnector.validateConfig({ instance: 'ftp://x', mode: 'hashtag', query: 'a' })).toThrow(/must start with https/);
    expect(() => mastodonConnector.validateConfig({ instance: 'https://mastodon.social', mode: 'hashtag', query: 'deux mots' })).toThrow(/one word/);
    expect(() => mastodonConnector.validateConfig({ instance: 'https://mastodon.social', mode: 'search', query: ' ' })).toThrow(/which hashtag or words/);
    expect(() => mastodonConnector.validateConfig({ instance: 'https://mastodon.social', mode: 'hashtag', query: '#FuiteDeDonnées' })).not.toThrow();
  });
});
