import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { KeyRing, type OsSecretStore } from '../../../../../src/main/platform/security/keyRing';
import { systemClock } from '../../../../../src/main/platform/clock';
import { WorkspaceStore } from '../../../../../src/main/platform/workspaces/workspaceStore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
// Cheap scrypt for tests; production uses N = 2^17 (128 MiB).
const kdfCost = { N: 2 ** 12, r: 8, p: 1 };

function storeWithData(dataDir: string, ring: KeyRing): WorkspaceStore {
  const store = new WorkspaceStore(dataDir, ring, systemClock);
  const ws = store.exists('live') ? store.get('live') : store.create('live', 'live');
  ws.db.prepare("INSERT OR REPLACE INTO settings VALUES ('probe', '\"données\"', 'now')").run();
  return store;
}

const probe = (store: WorkspaceStore): unknown =>
  store.get('live').db.prepare("SELECT value_json AS v FROM settings WHERE key = 'probe'").get();

/** Copies a data folder as a thief or a colleague would: the database and key files, nothing in memory. */
function copyDataFolder(from: string, to: string): void {
  mkdirSync(join(to, 'workspaces'), { recursive: true });
  for (const f of readdirSync(join(from, 'workspaces'))) copyFileSync(join(from, 'workspaces', f), join(to, 'workspaces', f));
  if (existsSync(join(from, 'keyring.json'))) copyFileSync(join(from, 'keyring.json'), join(to, 'keyring.json'));
}

describe('key ring', () => {
  it('keeps working keys in clear 0600 files until a passphrase is set', () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    expect(ring.protection).toBe('none');
    storeWithData(dir, ring).close();
    const key = join(dir, 'workspaces', 'live.key');
    expect(readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('with a passphrase, a copied data folder cannot be read without it and can with it', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    await ring.setPassphrase('correct horse battery staple');
    expect(readFileSync(join(dir, 'workspaces', 'live.key'), 'utf8')).not.toMatch(/^[0-9a-f]{64}$/);

    const elsewhere = tempDir();
    copyDataFolder(dir, elsewhere);
    const stranger = new KeyRing(elsewhere, { kdfCost });
    expect(stranger.locked).toBe(true);
    expect(() => new WorkspaceStore(elsewhere, stranger, systemClock).get('live')).toThrow(/locked/);
    await expect(stranger.unlock('wrong passphrase!!')).rejects.toThrow(/Wrong passphrase/);
    // The key file alone is useless: the database refuses any other key.
    expect(() => openDatabase({ path: join(elsewhere, 'workspaces', 'live.db'), key: Buffer.alloc(32, 7) })).toThrow(/key is wrong/);

    await stranger.unlock('correct horse battery staple');
    const store = new WorkspaceStore(elsewhere, stranger, systemClock);
    expect(probe(store)).toEqual({ v: '"données"' });
    store.close();
  });

  it('changes the passphrase only with the current one', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    await ring.setPassphrase('first passphrase');
    await expect(ring.setPassphrase('second passphrase')).rejects.toThrow(/current passphrase/);
    await expect(ring.setPassphrase('second passphrase', 'not the first one')).rejects.toThrow(/Wrong passphrase/);
    await ring.setPassphrase('second passphrase', 'first passphrase');
    const reopened = new KeyRing(dir, { kdfCost });
    await expect(reopened.unlock('first passphrase')).rejects.toThrow(/Wrong passphrase/);
    await reopened.unlock('second passphrase');
    const store = new WorkspaceStore(dir, reopened, systemClock);
    expect(probe(store)).toEqual({ v: '"données"' });
    store.close();
  });

  it('refuses a passphrase that is too short', async () => {
    await expect(new KeyRing(tempDir(), { kdfCost }).setPassphrase('short')).rejects.toThrow(/at least 10/);
  });

  it('rejects a key file moved from another workspace (the workspace id is authenticated)', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    const store = storeWithData(dir, ring);
    store.create('drill-1', 'exercise');
    store.close();
    await ring.setPassphrase('correct horse battery staple');
    copyFileSync(join(dir, 'workspaces', 'drill-1.key'), join(dir, 'workspaces', 'live.key'));
    expect(() => ring.keyFor('live', join(dir, 'workspaces', 'live.key'))).toThrow(/cannot be opened/);
  });

  it('seals keys with the OS keychain when one is available', () => {
    const dir = tempDir();
    const secret = Buffer.alloc(32, 9);
    // A reversible transformation stands in for the OS keychain; the ring must round-trip through it.
    const os: OsSecretStore = {
      encrypt: (b) => Buffer.from(b.map((x, i) => x ^ secret[i % 32]!)),
      decrypt: (b) => Buffer.from(b.map((x, i) => x ^ secret[i % 32]!)),
    };
    const ring = new KeyRing(dir, { os, kdfCost });
    expect(ring.protection).toBe('os');
    storeWithData(dir, ring).close();
    const again = new KeyRing(dir, { os, kdfCost });
    expect(again.locked).toBe(false);
    expect(probe(new WorkspaceStore(dir, again, systemClock))).toEqual({ v: '"données"' });
    expect(new KeyRing(dir, { kdfCost }).locked).toBe(true);
  });

  it('finishes or drops an interrupted passphrase change so the data stays readable', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    // Crash before the commit point: a staged ring and rewrapped keys exist; the old set must win.
    writeFileSync(join(dir, 'keyring.json.next'), '{}');
    writeFileSync(join(dir, 'workspaces', 'live.key.rewrap'), 'garbage');
    const recovered = new KeyRing(dir, { kdfCost });
    expect(recovered.protection).toBe('none');
    expect(existsSync(join(dir, 'workspaces', 'live.key.rewrap'))).toBe(false);
    expect(probe(new WorkspaceStore(dir, recovered, systemClock))).toEqual({ v: '"données"' });
  });
});

describe('key rotation', () => {
  it('re-encrypts the database under a new key and keeps the data', () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    const store = storeWithData(dir, ring);
    const before = readFileSync(join(dir, 'workspaces', 'live.key'), 'utf8');
    store.rotateKey('live');
    const after = readFileSync(join(dir, 'workspaces', 'live.key'), 'utf8');
    expect(after).not.toBe(before);
    store.close();
    expect(() => openDatabase({ path: join(dir, 'workspaces', 'live.db'), key: Buffer.from(before, 'hex') })).toThrow(/key is wrong/);
    const reopened = new WorkspaceStore(dir, new KeyRing(dir, { kdfCost }), systemClock);
    expect(probe(reopened)).toEqual({ v: '"données"' });
    expect(reopened.get('live').db.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it('opens with the staged key when a rotation was interrupted after the database changed', () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    const store = storeWithData(dir, ring);
    const keyPath = join(dir, 'workspaces', 'live.key');
    const next = Buffer.alloc(32, 3);
    ring.stageKey('live', keyPath, next);
    const db = store.get('live').db;
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = "x'${next.toString('hex')}'"`);
    store.close();
    const reopened = new WorkspaceStore(dir, new KeyRing(dir, { kdfCost }), systemClock);
    expect(probe(reopened)).toEqual({ v: '"données"' });
    expect(readFileSync(keyPath, 'utf8')).toBe(next.toString('hex'));
    reopened.close();
  });
});
