// RSS end to end over loopback HTTP: scheduler → outbound gate → connector → ingestion → source health.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rssConnector } from '../../../../../src/main/features/sources/connectors/rss/rssConnector';
import { rssFeed, startFeedServer, type FeedServer } from '../../../../support/feedServer';
import { schedulerFixture } from '../../../../support/schedulerFixture';
import { sharedData } from '../../../../support/paths';

const servers: FeedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(initial: Parameters<typeof startFeedServer>[0], extraConfig: Record<string, unknown> = {}) {
  const server = await startFeedServer(initial);
  servers.push(server);
  const t = schedulerFixture(rssConnector);
  const sourceId = t.addSource('rss', 'Le Quotidien', { url: server.url, timeoutSeconds: 1, ...extraConfig });
  return { ...t, server, sourceId };
}

describe('RSS connector through the scheduler', () => {
  it('ingests a feed, then uses conditional GET and adds nothing when unchanged', async () => {
    const t = await setup({ kind: 'feed', body: rssFeed([1, 2, 3]), etag: '"v1"' });
    const first = await t.scheduler.runOnce('live', t.sourceId);
    expect(first).toMatchObject({ ok: true, inserted: 3 });
    const row = t.db.prepare("SELECT text, url, language, source_name AS sourceName FROM mentions WHERE external_id = 'article-2'").get();
    expect(row).toEqual({
      text: "Les clients d'ACME s'inquiètent (n°2).",
      url: 'https://journal.example/articles/2?utm_source=rss',
      language: 'fr',
      sourceName: 'Le Quotidien — Économie',
    });
    expect(t.repo.get(t.sourceId)).toMatchObject({ cursor: { etag: '"v1"' }, consecutiveFailures: 0, lastError: null });

    const second = await t.scheduler.runOnce('live', t.sourceId);
    expect(second).toMatchObject({ ok: true, inserted: 0 });
    expect(t.server.requests[1]?.['if-none-match']).toBe('"v1"');
    expect(t.count()).toBe(3);
    expect(t.seen).toContain('sources:changed');
  });

  it('backs off on 429 honouring Retry-After, on 5xx, timeouts, resets and garbage; recovers and ingests what was missed', async () => {
    const t = await setup({ kind: 'feed', body: rssFeed([1, 2]) });
    await t.scheduler.runOnce('live', t.sourceId);

    // Each failure is also stored as a catalogue key, so the Sources screen words it in French or English.
    const failures: { mode: Parameters<typeof startFeedServer>[0]; message: RegExp; keys: string[]; minDelayMs: number; offline?: boolean }[] = [
      { mode: { kind: 'status', status: 429, retryAfter: '900' }, message: /slow down \(HTTP 429/, keys: ['rateLimited'], minDelayMs: 900_000 },
      { mode: { kind: 'status', status: 503 }, message: /server problem \(HTTP 503\)/, keys: ['serverProblem'], minDelayMs: 45_000 },
      { mode: { kind: 'hang' }, message: /too slow|within 1 s/, keys: ['tooSlow', 'timeout'], minDelayMs: 90_000, offline: true },
      { mode: { kind: 'reset' }, message: /Cannot reach|broke/, keys: ['unreachable', 'connectionBroke'], minDelayMs: 180_000, offline: true },
      { mode: { kind: 'garbage' }, message: /not an RSS, Atom or JSON feed|cannot be read/, keys: ['notAFeed', 'feedUnreadable'], minDelayMs: 360_000 },
      { mode: { kind: 'status', status: 404 }, message: /no feed at this address \(HTTP 404\)/, keys: ['noFeed'], minDelayMs: 720_000 },
    ];
    let previousDelay = 0;
    for (const [i, f] of failures.entries()) {
      t.server.mode = f.mode;
      const outcome = await t.scheduler.runOnce('live', t.sourceId);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(f.message);
      const source = t.repo.get(t.sourceId);
      expect(source?.consecutiveFailures).toBe(i + 1);
      expect(source?.lastError).toMatch(f.message);
      expect(f.keys).toContain(source?.lastErrorMessage?.key);
      const delay = Date.parse(source?.nextAttemptAt ?? '') - Date.parse(t.nowIso());
      expect(delay).toBeGreaterThanOrEqual(f.minDelayMs);
      if (i > 1) expect(delay).toBeGreaterThan(previousDelay);
      previousDelay = delay;
      expect(t.scheduler.isOffline('live', t.sourceId)).toBe(f.offline ?? false);
      t.advance(60_000);
    }
    expect(t.count()).toBe(2);

    t.server.mode = { kind: 'feed', body: rssFeed([1, 2, 3, 4, 5]) };
    const recovered = await t.scheduler.runOnce('live', t.sourceId);
    expect(recovered).toMatchObject({ ok: true, inserted: 3, duplicates: 2 });
    expect(t.repo.get(t.sourceId)).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(t.scheduler.isOffline('live', t.sourceId)).toBe(false);
  });

  it('never lets a stuck source hold up another one', async () => {
    const t = await setup({ kind: 'hang' }, { timeoutSeconds: 3 });
    const fast = await startFeedServer({ kind: 'feed', body: rssFeed([7]) });
    servers.push(fast);
    const fastId = t.addSource('rss', 'Fast', { url: fast.url });
    const order: string[] = [];
    const slow = t.scheduler.runOnce('live', t.sourceId).then(() => order.push('slow'));
    await t.scheduler.runOnce('live', fastId).then(() => order.push('fast'));
    await slow;
    expect(order).toEqual(['fast', 'slow']);
  });

  it('polls on its own timer and stops cleanly, aborting a request in flight', async () => {
    const t = await setup({ kind: 'feed', body: rssFeed([1]) });
    t.scheduler.startWorkspace('live');
    const deadline = Date.now() + 5000;
    while (t.count() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(t.count()).toBe(1);
    t.server.mode = { kind: 'hang' };
    const inFlight = t.scheduler.pollNow('live', t.sourceId);
    t.scheduler.stop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: 'Stopped.' });
  });

  it('reads a real-world feed from the corpus and the latin-1 one served with its charset', async () => {
    const corpus = sharedData('rss-parser-fixtures/input');
    const t = await setup({ kind: 'feed', body: readFileSync(resolve(corpus, 'guardian.rss')) });
    const outcome = await t.scheduler.runOnce('live', t.sourceId);
    expect(outcome.ok).toBe(true);
    expect(outcome.inserted).toBeGreaterThan(10);
    t.server.mode = { kind: 'feed', body: readFileSync(resolve(corpus, 'encoding.rss')), contentType: 'application/rss+xml; charset=latin1' };
    const latin = await t.scheduler.runOnce('live', t.sourceId);
    expect(latin.ok).toBe(true);
    const texts = t.db.prepare("SELECT coalesce(title, '') || text FROM mentions ORDER BY id DESC LIMIT ?").pluck().all(latin.inserted) as string[];
    expect(texts.join(' ')).not.toContain('\ufffd');
  });
});
