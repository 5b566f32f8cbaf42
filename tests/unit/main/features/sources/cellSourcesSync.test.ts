// Sources and mentions across a cell of three laptops (core processes with their own data folders on 127.0.0.1–3):
// a mention ingested on one laptop reaches the others' streams under the same source name; a feed is polled by the
// laptop that created it only; once that laptop has been away past the failover time, one other laptop takes the
// feed over, and what it polls reaches the rest of the cell.
import { afterAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../../../src/shared/domain/source';
import { joinThree, Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { rssFeed, startFeedServer, type FeedServer } from '../../../../support/feedServer';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 120_000;
const FAILOVER_MS = 3_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;
let server: FeedServer;

// Read by the laptops' cores when they start.
process.env.TOCSIN_SOURCE_FAILOVER_MS = String(FAILOVER_MS);
useLaptops(3, tempDir, SCENARIO_MS, async (laptops) => {
  await joinThree(([a, b, c] = laptops));
  server = await startFeedServer({ kind: 'feed', body: rssFeed([1, 2, 3]) });
});

afterAll(async () => {
  delete process.env.TOCSIN_SOURCE_FAILOVER_MS;
  [a, b, c].forEach((laptop) => laptop?.kill());
  await server?.close();
});

const sourceNamed = async (laptop: Laptop, name: string): Promise<Source | undefined> =>
  (await laptop.call('sources:list', ws)).find((s) => s.name === name);

const externalIds = async (laptop: Laptop, sourceName: string): Promise<string[]> => {
  const source = await sourceNamed(laptop, sourceName);
  if (!source) return [];
  const { items } = await laptop.call('mentions:search', { ...ws, filter: { sourceId: source.id }, limit: 100 });
  return items.map((m) => m.externalId).sort();
};

describe('sources and mentions across the cell', () => {
  it(
    'shows a mention captured on one laptop in every laptop’s stream, under the same source',
    async () => {
      await a.call('mentions:capture', { ...ws, capture: { channel: 'tv', outlet: 'France 2', text: 'ACME en direct du siège', occurredAt: '2026-03-10T20:05:00Z' } });
      const onA = (await a.call('mentions:search', { ...ws, limit: 10 })).items;
      expect(onA).toHaveLength(1);
      const nameOnA = (await a.call('sources:list', ws)).find((s) => s.id === onA[0]?.sourceId)?.name;
      for (const laptop of [b, c]) {
        const { items } = await until(() => laptop.call('mentions:search', { ...ws, limit: 10 }), (page) => page.items.length > 0);
        expect(items.map((m) => [m.text, m.externalId])).toEqual([['ACME en direct du siège', onA[0]?.externalId]]);
        expect((await laptop.call('sources:list', ws)).find((s) => s.id === items[0]?.sourceId)?.name).toBe(nameOnA);
      }
    },
    SCENARIO_MS,
  );

  it(
    'polls a feed on its owner laptop only, then on one other laptop once the owner has been away past the failover time',
    async () => {
      await a.call('sources:create', { ...ws, source: { kind: 'rss', name: 'Le Quotidien', config: { url: server.url, localNetwork: true } } });
      for (const laptop of [a, b, c]) {
        await until(() => externalIds(laptop, 'Le Quotidien'), (ids) => ids.length === 3);
      }
      // Asked to poll now, a laptop that does not own the feed still does not.
      const copyOnB = (await sourceNamed(b, 'Le Quotidien')) as Source;
      await b.call('sources:pollNow', { ...ws, id: copyOnB.id });
      // Well past the failover time with the owner present: nobody else polls.
      await new Promise((r) => setTimeout(r, 2 * FAILOVER_MS));
      for (const laptop of [b, c]) expect((await sourceNamed(laptop, 'Le Quotidien'))?.health.lastAttemptAt).toBeNull();
      expect((await sourceNamed(a, 'Le Quotidien'))?.health.lastAttemptAt).not.toBeNull();
      const polledByA = server.requests.length;
      expect(polledByA).toBeGreaterThan(0);

      server.mode = { kind: 'feed', body: rssFeed([1, 2, 3, 4, 5]) };
      a.kill();
      const all = ['article-1', 'article-2', 'article-3', 'article-4', 'article-5'];
      for (const laptop of [b, c]) {
        expect(await until(() => externalIds(laptop, 'Le Quotidien'), (ids) => ids.length === 5, 60_000)).toEqual(all);
      }
      const attempts = await Promise.all([b, c].map(async (laptop) => (await sourceNamed(laptop, 'Le Quotidien'))?.health.lastAttemptAt ?? null));
      expect(attempts.filter((at) => at !== null)).toHaveLength(1);
      expect(server.requests.length).toBeGreaterThan(polledByA);
    },
    SCENARIO_MS,
  );
});
