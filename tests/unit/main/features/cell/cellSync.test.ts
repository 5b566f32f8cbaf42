// Three laptops, each a core process with its own data folder, on loopback addresses 127.0.0.1–3: invited and
// joined through the contract, edited apart while one is cut off, equal again after it reconnects. A laptop
// never invited and a removed one get nothing, and no Automerge data is readable in the database files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellStatus } from '../../../../../src/shared/contract/cell';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { Laptop, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
// The machine running the suite is shared: the processes' start-up, not the sync, takes most of the time.
const SCENARIO_MS = 90_000;
const CANARY = 'Zéphyrine-canary-7f3a';

let a: Laptop;
let b: Laptop;
let c: Laptop;

useLaptops(3, tempDir, SCENARIO_MS, (laptops) => ([a, b, c] = laptops));

afterAll(() => [a, b, c].forEach((laptop) => laptop?.kill()));

type Cell = NonNullable<CellStatus['cell']>;
const cell = async (laptop: Laptop): Promise<Cell> => {
  const status = await laptop.call('cell:status', ws);
  if (!status.cell) throw new Error('not in a cell');
  return status.cell;
};

/** What must be equal on every laptop once they have met: the document's heads and the members as shared data. */
const shared = (s: Cell) => ({ heads: [...s.heads].sort(), members: s.members.map(({ self: _s, online: _o, lastContact: _l, waitingChanges: _w, ...m }) => m) });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const converged = (laptops: Laptop[]) =>
  until(
    () => Promise.all(laptops.map(cell)),
    (all) => all.every((s) => JSON.stringify(shared(s)) === JSON.stringify(shared(all[0] as Cell))),
  );

describe('cell sync across processes', () => {
  it(
    'joins three laptops and converges after edits made while one was cut off',
    async () => {
      await a.call('cell:create', { ...ws, memberName: CANARY, roles: ['lead'] });
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', roles: ['comms'], host: '127.0.0.2' });
      await c.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Carol', roles: ['legal'], host: '127.0.0.3' });
      const joined = await until(() => Promise.all([a, b, c].map(cell)), (all) => all.every((s) => s.members.length === 3 && s.members.every((m) => m.addresses.length === 1)));
      expect(joined[2]?.members.map((m) => m.name)).toEqual([CANARY, 'Bob', 'Carol']);
      await converged([a, b, c]);

      // C is cut off (its links and listener closed); every laptop edits the members document meanwhile.
      await c.call('cell:stop', ws);
      await until(() => cell(a), (s) => !s.members.some((m) => m.name === 'Carol' && m.online));
      await a.call('cell:profile', { ...ws, memberName: CANARY, roles: ['lead', 'spokesperson'] });
      await b.call('cell:profile', { ...ws, memberName: 'Bob B.', roles: ['comms'] });
      await c.call('cell:profile', { ...ws, memberName: 'Carol (offline)', roles: ['legal', 'scribe'] });
      await converged([a, b]);
      const [apart, cut] = await Promise.all([cell(a), cell(c)]);
      expect(cut.heads).not.toEqual(apart.heads);
      expect(apart.members.find((m) => m.name.startsWith('Carol'))?.name).toBe('Carol');
      expect(cut.members.find((m) => m.name.startsWith('Bob'))?.name).toBe('Bob');

      await c.call('cell:start', { ...ws, host: '127.0.0.3' });
      const [end] = await converged([a, b, c]);
      expect(end?.members.map((m) => [m.name, m.roles])).toEqual([
        [CANARY, ['lead', 'spokesperson']],
        ['Bob B.', ['comms']],
        ['Carol (offline)', ['legal', 'scribe']],
      ]);
    },
    SCENARIO_MS,
  );

  it(
    'gives nothing to a laptop never invited, nor to a removed one',
    async () => {
      const stranger = new Laptop(a.bundle, tempDir());
      try {
        await stranger.ready;
        await stranger.call('cell:create', { ...ws, memberName: 'Stranger', roles: [] });
        await stranger.call('cell:start', { ...ws, host: '127.0.0.4' });
        const aAddress = (await cell(a)).members.find((m) => m.self)?.addresses[0] as string;
        await stranger.call('cell:connect', { ...ws, address: aAddress });

        const carol = (await cell(c)).deviceId;
        await b.call('cell:remove', { ...ws, deviceId: carol });
        await until(() => Promise.all([a, b].map(cell)), (all) => all.every((s) => s.members.find((m) => m.deviceId === carol)?.revokedAt !== null && !s.members.some((m) => m.deviceId === carol && m.online)));
        // The removed laptop keeps trying (its redials run) and edits; the others keep editing too.
        await c.call('cell:profile', { ...ws, memberName: 'Carol after removal', roles: [] });
        await a.call('cell:profile', { ...ws, memberName: CANARY, roles: ['lead'] });
        await converged([a, b]);
        await new Promise((r) => setTimeout(r, 2_000));

        const [sa, sc, ss] = await Promise.all([cell(a), cell(c), cell(stranger)]);
        expect(sa.members.map((m) => m.name)).not.toContain('Carol after removal');
        expect(sa.members.map((m) => m.name)).not.toContain('Stranger');
        expect(sc.members.find((m) => m.name === CANARY)?.roles).toEqual(['lead', 'spokesperson']);
        expect(sc.members.find((m) => m.deviceId === carol)?.revokedAt).toBeNull();
        expect(sc.members.some((m) => m.online)).toBe(false);
        expect(ss.members.map((m) => m.name)).toEqual(['Stranger']);
        expect(ss.members.some((m) => m.online)).toBe(false);
      } finally {
        stranger.kill();
      }
    },
    SCENARIO_MS,
  );

  it(
    'brings a laptop killed mid-session back from its own database, sync on again at its address, and it catches up',
    async () => {
      const before = (await cell(b)).listening;
      b.kill();
      await a.call('cell:profile', { ...ws, memberName: CANARY, roles: ['lead', 'while B was down'] });
      b = b.restarted();
      await b.ready;
      // Sync was on when it died: it comes back on, on the same address, which the others still dial.
      const reopened = await until(() => cell(b), (s) => s.listening !== null);
      expect(reopened.listening).toEqual(before);
      expect(reopened.members.map((m) => m.name)).toEqual([CANARY, 'Bob B.', 'Carol (offline)']);
      const [end] = await converged([a, b]);
      expect(end?.members[0]?.roles).toEqual(['lead', 'while B was down']);
    },
    SCENARIO_MS,
  );

  it(
    'keeps no Automerge data readable in the data folder',
    async () => {
      expect((await cell(a)).members.map((m) => m.name)).toContain(CANARY);
      await a.close();
      const needle = Buffer.from(CANARY, 'utf8');
      const files = readdirSync(join(a.dataDir, 'workspaces')).map((f) => join(a.dataDir, 'workspaces', f));
      expect(files.some((f) => f.endsWith('live.db'))).toBe(true);
      // The control: through its key, the database does hold the name in Automerge chunks, uncompressed.
      const db = openDatabase({ path: join(a.dataDir, 'workspaces', 'live.db'), key: workspaceKey(a.dataDir, 'live'), readonly: true });
      const chunks = db.prepare('SELECT data FROM sync_chunks').all() as { data: Buffer }[];
      db.close();
      expect(chunks.some((chunk) => chunk.data.includes(needle))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(bytes.includes(needle), file).toBe(false);
        expect(bytes.includes(Buffer.from('SQLite format 3')), file).toBe(false);
      }
    },
    SCENARIO_MS,
  );
});
