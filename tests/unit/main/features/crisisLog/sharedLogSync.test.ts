// The crisis log across the cell: three laptops (core processes, own data folders, loopback 127.0.0.1–3) write
// about a hundred entries each at the same time, while one is cut off and reconnected and another is SIGKILLed
// and restarted. Every laptop ends with the same log in the same order, each entry once, every signature and
// chain holding; an entry forged into a laptop's Automerge document shows as not genuine everywhere; and no
// entry's text can be read in the database files.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../../src/shared/domain/crisisLog';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { putEntry, signedBytes, type SharedEntry, type SharedLogDocument } from '../../../../../src/main/features/crisisLog/sharedEntry';
import { cellOf, joinThree, Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 240_000;
const PER_LAPTOP = 100;
const MARKER = 'Quenouille-marker-4b19';

let a: Laptop;
let b: Laptop;
let c: Laptop;

useLaptops(3, tempDir, SCENARIO_MS, (laptops) => ([a, b, c] = laptops));

afterAll(() => [a, b, c].forEach((laptop) => laptop?.kill()));

const cell = cellOf;

/** The people's entries, in the order the screen shows them. */
const shared = async (laptop: Laptop): Promise<LogEntry[]> =>
  (await laptop.call('crisisLog:list', { ...ws, filter: { limit: 2000 } })).filter((e) => e.kind !== 'system');

/** What must be equal on every laptop: the entries and their order; `seq` and `hash` are each laptop's own chain. */
const digest = (entries: LogEntry[]): string =>
  JSON.stringify(entries.map((e) => [e.id, e.body, e.author, e.occurredAt, e.origin?.deviceId, e.origin?.memberName, e.origin?.hlc, e.origin?.genuine]));

const write = (laptop: Laptop, name: string, i: number) =>
  laptop.call('crisisLog:append', { ...ws, entry: { kind: 'information', author: name, body: `${name} #${i} ${MARKER}` } });

async function writeMany(laptop: () => Laptop, name: string, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1) await write(laptop(), name, i);
}

describe('crisis log shared across the cell', () => {
  it(
    'converges three laptops writing concurrently through a partition and a SIGKILL, each entry once and genuine',
    async () => {
      await joinThree([a, b, c]);

      const third = Math.floor(PER_LAPTOP / 3);
      await Promise.all([
        writeMany(() => a, 'Alice', 0, PER_LAPTOP),
        (async () => {
          await writeMany(() => b, 'Bob', 0, third);
          b.kill();
          b = b.restarted();
          await b.ready;
          await until(() => cell(b), (s) => s.listening !== null);
          await writeMany(() => b, 'Bob', third, PER_LAPTOP);
        })(),
        (async () => {
          await writeMany(() => c, 'Carol', 0, third);
          await c.call('cell:stop', ws);
          await writeMany(() => c, 'Carol', third, 2 * third);
          await c.call('cell:start', { ...ws, host: '127.0.0.3' });
          await writeMany(() => c, 'Carol', 2 * third, PER_LAPTOP);
        })(),
      ]);

      const logs = await until(
        () => Promise.all([a, b, c].map(shared)),
        (all) => all.every((log) => log.length === 3 * PER_LAPTOP) && all.every((log) => digest(log) === digest(all[0] as LogEntry[])),
        90_000,
      );
      const [log] = logs as [LogEntry[]];
      expect(new Set(log.map((e) => e.id)).size).toBe(3 * PER_LAPTOP);
      for (const name of ['Alice', 'Bob', 'Carol']) {
        const bodies = log.filter((e) => e.author === name).map((e) => e.body);
        expect(new Set(bodies).size).toBe(PER_LAPTOP);
      }
      expect(log.every((e) => e.origin?.genuine === true)).toBe(true);
      expect(new Set(log.map((e) => e.origin?.memberName))).toEqual(new Set(['Alice', 'Bob', 'Carol']));
      // Newest first: same moment, then the later clock, then the larger device id.
      for (const [i, e] of log.slice(1).entries()) {
        const before = log[i] as LogEntry;
        const order = before.occurredAt.localeCompare(e.occurredAt) || (before.origin?.hlc ?? '').localeCompare(e.origin?.hlc ?? '') || (before.origin?.deviceId ?? '').localeCompare(e.origin?.deviceId ?? '');
        expect(order).toBeGreaterThan(0);
      }
      for (const laptop of [a, b, c]) expect(await laptop.call('crisisLog:verify', ws)).toMatchObject({ ok: true, firstBroken: null });
    },
    SCENARIO_MS,
  );

  it(
    'shows an entry forged into a laptop’s document as not genuine on every laptop, and keeps it',
    async () => {
      const bob = await cell(b);
      const bobDevice = bob.deviceId;
      await b.close();
      const forged = await forgeInto(b.dataDir, bobDevice);
      b = b.restarted();
      await b.ready;
      const seen = await until(
        () => Promise.all([a, b, c].map(shared)),
        (all) => all.every((log) => log.some((e) => e.body === forged.body)),
      );
      for (const log of seen) {
        const entry = log.find((e) => e.body === forged.body);
        expect(entry?.origin).toMatchObject({ deviceId: bobDevice, genuine: false });
        // Kept under an id of its own, so it cannot take the place of a genuine entry.
        expect(entry?.id).not.toBe(forged.id);
        expect(log.filter((e) => e.origin?.genuine === false)).toHaveLength(1);
      }
      expect(digest(seen[0] as LogEntry[])).toBe(digest(seen[1] as LogEntry[]));
      expect(digest(seen[0] as LogEntry[])).toBe(digest(seen[2] as LogEntry[]));
    },
    SCENARIO_MS,
  );

  it(
    'keeps no entry text readable in the data folder',
    async () => {
      await a.close();
      const needle = Buffer.from(MARKER, 'utf8');
      const dir = join(a.dataDir, 'workspaces');
      // The control: through its key, the database does hold the marker, in the read model and the Automerge chunks.
      const db = openDatabase({ path: join(dir, 'live.db'), key: workspaceKey(a.dataDir, 'live'), readonly: true });
      const rows = db.prepare("SELECT count(*) AS n FROM crisis_log WHERE body LIKE '%' || ? || '%'").get(MARKER) as { n: number };
      const chunks = db.prepare('SELECT data FROM sync_chunks').all() as { data: Buffer }[];
      db.close();
      expect(rows.n).toBeGreaterThanOrEqual(3 * PER_LAPTOP);
      expect(chunks.some((chunk) => chunk.data.includes(needle))).toBe(true);
      for (const file of readdirSync(dir).map((f) => join(dir, f))) expect(readFileSync(file).includes(needle), file).toBe(false);
    },
    SCENARIO_MS,
  );
});

/**
 * Writes, as a hostile program with the laptop's database key would, an entry into the laptop's own crisis log
 * document claiming to be from that laptop but signed by another key. The laptop is closed meanwhile.
 */
async function forgeInto(dataDir: string, deviceId: string): Promise<SharedEntry> {
  const db = openDatabase({ path: join(dataDir, 'workspaces', 'live.db'), key: workspaceKey(dataDir, 'live') });
  const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [] });
  try {
    const record = db.prepare("SELECT value_json FROM cell_local WHERE name = 'cell'").get() as { value_json: string };
    const cellDoc = await repo.find<{ members: Record<string, { documents?: Record<string, string> }> }>(JSON.parse(record.value_json).cellUrl as AutomergeUrl);
    const url = cellDoc.doc().members[deviceId]?.documents?.crisisLog as AutomergeUrl;
    const log = await repo.find<SharedLogDocument>(url);
    const now = new Date().toISOString();
    const unsigned = {
      id: randomUUID(),
      n: 1,
      prev: '',
      hlc: `${String(Date.now()).padStart(15, '0')}.000000`,
      device: deviceId,
      incidentId: null,
      kind: 'decision' as const,
      occurredAt: now,
      enteredAt: now,
      author: 'Bob',
      authorRole: null,
      body: `Forged order: evacuate the site ${randomUUID()}`,
      source: null,
      verification: 'verified' as const,
      pinned: false,
      correctsId: null,
    };
    const entry: SharedEntry = { ...unsigned, signature: sign(null, signedBytes(unsigned), generateKeyPairSync('ed25519').privateKey).toString('base64') };
    log.change((doc) => putEntry(doc, entry));
    await repo.flush();
    return entry;
  } finally {
    await repo.shutdown();
    db.close();
  }
}
