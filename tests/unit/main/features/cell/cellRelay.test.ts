// The relay (`npm run relay`, src/main/relay.ts) as its own process on loopback, joined with a join code like any
// laptop: it is shown as a relay, and it carries the crisis log between two laptops that are never online at the
// same time (A writes while B is off, A goes away, B comes back and gets A's entries from the relay alone). Its
// database holds those entries (it writes no log document of its own), and none of their text can be read in its
// data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellStatus } from '../../../../../src/shared/contract/cell';
import type { LogEntry } from '../../../../../src/shared/domain/crisisLog';
import type { CellDocument } from '../../../../../src/main/features/cell/cellDocument';
import { storedEntries, type SharedLogDocument } from '../../../../../src/main/features/crisisLog/sharedEntry';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { bundleForChild } from '../../../../support/appExternals';
import { bundleCellChild, Laptop } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;
const MARKER = 'Gargouille-relay-91c4';
const ENTRIES = 20;

let a: Laptop;
let b: Laptop;
let relayBundle = '';
let relayDir = '';
let relay: ChildProcess | undefined;

beforeAll(async () => {
  const bundle = bundleCellChild(join(tempDir(), 'cellChild.cjs'));
  relayBundle = bundleForChild('src/main/relay.ts', join(tempDir(), 'relay.cjs'));
  [a, b] = [new Laptop(bundle, tempDir()), new Laptop(bundle, tempDir())];
  relayDir = tempDir();
  await Promise.all([a.ready, b.ready]);
}, SCENARIO_MS);

afterAll(() => {
  [a, b].forEach((laptop) => laptop?.kill());
  if (relay?.exitCode === null) relay.kill('SIGKILL');
});

/** Starts `npm run relay`'s entry on its data folder; resolves with the line it prints once it syncs. */
function startRelay(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [relayBundle, '--data', relayDir, ...args], {
    env: { ...process.env, NODE_PATH: resolve('node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay = child;
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolveLine, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.includes('syncing on'));
      if (line) resolveLine(line);
    });
    child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${err}${out}`)));
  });
}

async function stopRelay(): Promise<void> {
  const child = relay;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Cell = NonNullable<CellStatus['cell']>;
const cell = async (laptop: Laptop): Promise<Cell> => {
  const status = await laptop.call('cell:status', ws);
  if (!status.cell) throw new Error('not in a cell');
  return status.cell;
};
const marked = async (laptop: Laptop): Promise<LogEntry[]> =>
  (await laptop.call('crisisLog:list', { ...ws, filter: { limit: 500 } })).filter((e) => e.body.includes(MARKER));

describe('cell relay', () => {
  it(
    'joins with a join code, shows as a relay, and carries A’s entries to B though they are never online together',
    async () => {
      await a.call('cell:create', { ...ws, memberName: 'Alice', roles: ['lead'] });
      await a.call('cell:start', { ...ws, host: '127.0.0.1' });
      // A relay cannot found a cell: it needs a join code and an address.
      await expect(startRelay(['--host', '127.0.0.5'])).rejects.toThrow(/not in a cell yet/);
      const line = await startRelay(['--host', '127.0.0.5', '--name', 'Salle serveurs'], { TOCSIN_JOIN_CODE: (await a.call('cell:invite', ws)).joinCode });
      expect(line).toMatch(/syncing on 127\.0\.0\.5:\d+/);
      await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', roles: [], host: '127.0.0.2' });
      const joined = await until(
        () => Promise.all([a, b].map(cell)),
        (all) => all.every((s) => s.members.length === 3 && s.members.every((m) => m.self || m.online)),
      );
      for (const status of joined) {
        expect(status.members.map((m) => [m.name, m.relay])).toEqual([
          ['Alice', false],
          ['Salle serveurs', true],
          ['Bob', false],
        ]);
      }
      const relayId = joined[0]?.members.find((m) => m.relay)?.deviceId as string;
      const alice = joined[0]?.deviceId as string;

      await b.call('cell:stop', ws);
      await until(() => cell(a), (s) => !s.members.some((m) => m.name === 'Bob' && m.online));
      for (let i = 0; i < ENTRIES; i += 1) {
        await a.call('crisisLog:append', { ...ws, entry: { kind: 'decision', author: 'Alice', body: `Alice #${i} ${MARKER}` } });
      }
      // Everything A wrote is held by the relay before A leaves.
      await until(() => cell(a), (s) => s.members.find((m) => m.deviceId === relayId)?.waitingChanges === 0);
      await a.close();

      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const received = await until(() => marked(b), (entries) => entries.length === ENTRIES);
      const status = await cell(b);
      expect(status.members.find((m) => m.deviceId === alice)?.online).toBe(false);
      expect(status.members.find((m) => m.deviceId === relayId)?.online).toBe(true);
      expect(received.every((e) => e.origin?.deviceId === alice && e.origin.genuine)).toBe(true);
      expect(new Set(received.map((e) => e.body)).size).toBe(ENTRIES);
      expect(await b.call('crisisLog:verify', ws)).toMatchObject({ ok: true, firstBroken: null });
    },
    SCENARIO_MS,
  );

  it(
    'keeps the entries it carried in its encrypted database, none readable in its data folder',
    async () => {
      await stopRelay();
      const needle = Buffer.from(MARKER, 'utf8');
      const dir = join(relayDir, 'workspaces');
      // The control: opened with its key, the relay's store does hold A's log document with every entry.
      const db = openDatabase({ path: join(dir, 'live.db'), key: workspaceKey(relayDir, 'live') });
      const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [] });
      try {
        const record = db.prepare("SELECT value_json FROM cell_local WHERE name = 'cell'").get() as { value_json: string };
        const cellDoc = (await repo.find<CellDocument>(JSON.parse(record.value_json).cellUrl as AutomergeUrl)).doc();
        const alice = Object.values(cellDoc.members).find((m) => m.name === 'Alice');
        const log = (await repo.find<SharedLogDocument>(alice?.documents?.crisisLog as AutomergeUrl)).doc();
        expect(storedEntries(log).filter(({ value }) => JSON.stringify(value).includes(MARKER))).toHaveLength(ENTRIES);
        expect(cellDoc.members[Object.keys(cellDoc.members).find((id) => cellDoc.members[id]?.relay) ?? '']?.documents).toBeUndefined();
      } finally {
        await repo.shutdown();
        db.close();
      }
      const files = readdirSync(dir).map((f) => join(dir, f));
      expect(files.some((f) => f.endsWith('live.db'))).toBe(true);
      for (const file of files) expect(readFileSync(file).includes(needle), file).toBe(false);
    },
    SCENARIO_MS,
  );
});
