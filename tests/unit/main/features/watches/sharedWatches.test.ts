// Watches across a cell of two laptops (core processes with their own data folders) on loopback: a watch made on one
// laptop is matched by the other's ingestion; while Bob is cut off, Alice pauses a watch and Bob makes another and
// edits the first; once linked again both laptops list the same watches, and a pause made on one stops the other's
// ingestion matching that watch.
import { afterAll, describe, expect, it } from 'vitest';
import { Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 45_000;
/** Bundling the laptop's core and starting two of them, on a busy machine. */
const STARTUP_MS = 120_000;

let a: Laptop;
let b: Laptop;

useLaptops(2, tempDir, STARTUP_MS, (laptops) => ([a, b] = laptops));
afterAll(() => [a, b].forEach((laptop) => laptop?.kill()));

const linked = async (laptop: Laptop) => (await laptop.call('cell:status', ws)).cell?.members.find((m) => !m.self)?.online === true;
const watches = async (laptop: Laptop) =>
  (await laptop.call('watches:list', ws)).map(({ name, keywords, enabled }) => ({ name, keywords, enabled }));
const watchNamed = async (laptop: Laptop, name: string) => (await laptop.call('watches:list', ws)).find((w) => w.name === name);
/** Which of the laptop's watches its ingestion matches a captured post to, by name. */
const matched = async (laptop: Laptop, text: string): Promise<string[]> => {
  const { id } = await laptop.call('mentions:capture', { ...ws, capture: { channel: 'tv', outlet: 'France 2', text, occurredAt: new Date().toISOString() } });
  const mention = await laptop.call('mentions:get', { ...ws, id: id! });
  const list = await laptop.call('watches:list', ws);
  return mention.watchIds.map((watchId) => list.find((w) => w.id === watchId)?.name ?? String(watchId)).sort();
};

describe('shared watches', () => {
  it(
    'reach every laptop and its ingestion, and converge after edits made while cut off',
    async () => {
      await a.call('cell:create', { ...ws, memberName: 'Alice', roles: [] });
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', roles: [], host: '127.0.0.2' });
      await until(() => linked(a), Boolean, 10_000);

      await a.call('watches:create', { ...ws, watch: { name: 'Acme', keywords: ['acme'] } });
      await until(() => watchNamed(b, 'Acme'), (w) => w !== undefined, 10_000);
      expect(await matched(b, 'Acme rappelle un produit')).toEqual(['Acme']);

      await b.call('cell:stop', ws);
      await until(() => linked(a), (online) => !online, 10_000);
      const acmeOnA = (await watchNamed(a, 'Acme'))!;
      await a.call('watches:update', { ...ws, id: acmeOnA.id, watch: { name: 'Acme', keywords: ['acme'], enabled: false } });
      await b.call('watches:create', { ...ws, watch: { name: 'Beta', keywords: ['beta'] } });
      const acmeOnB = (await watchNamed(b, 'Acme'))!;
      await b.call('watches:update', { ...ws, id: acmeOnB.id, watch: { name: 'Acme', keywords: ['acme', 'rappel'] } });
      expect(await watches(a)).toEqual([{ name: 'Acme', keywords: ['acme'], enabled: false }]);

      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const [onA, onB] = await until(
        () => Promise.all([a, b].map(watches)),
        ([x, y]) => x!.length === 2 && JSON.stringify(x) === JSON.stringify(y),
        15_000,
      );
      expect(onB).toEqual(onA);
      // The same watch edited on both: one edit, the later by clock, on both laptops.
      expect([{ name: 'Acme', keywords: ['acme'], enabled: false }, { name: 'Acme', keywords: ['acme', 'rappel'], enabled: true }]).toContainEqual(onA![0]);
      expect(onA![1]).toEqual({ name: 'Beta', keywords: ['beta'], enabled: true });

      // Paused on Alice's laptop: Bob's ingestion stops matching it.
      const betaOnA = (await watchNamed(a, 'Beta'))!;
      expect(await matched(b, 'Beta et encore beta')).toEqual(['Beta']);
      await a.call('watches:update', { ...ws, id: betaOnA.id, watch: { name: 'Beta', keywords: ['beta'], enabled: false } });
      await until(() => watchNamed(b, 'Beta'), (w) => w?.enabled === false, 10_000);
      expect(await matched(b, 'Beta toujours')).toEqual([]);
    },
    SCENARIO_MS,
  );
});
