import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { KeyRing, type OsSecretStore } from '../../../../../src/main/platform/security/keyRing';
import { systemClock } from '../../../../../src/main/platform/clock';
import { WorkspaceStore } from '../../../../../src/main/platform/workspaces/workspaceStore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
// These tests look at keys only: no crisis log, so no migration step needs the workspace's keys.
const noHooks = () => ({});
// Cheap scrypt for tests; production uses N = 2^17 (128 MiB).
const kdfCost = { N: 2 ** 12, r: 8, p: 1 };

function storeWithData(dataDir: string, ring: KeyRing): WorkspaceStore {
  const store = new WorkspaceStore(dataDir, ring, systemClock, noHooks);
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
    expect(JSON.parse(readFileSync(key, 'utf8'))).toEqual({ version: 2, key: expect.stringMatching(/^[0-9a-f]{64}$/), secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('with a passphrase, a copied data folder cannot be read without it and can with it', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    await ring.setPassphrase('correct horse battery staple');
    expect(readFileSync(join(dir, 'workspaces', 'live.key'), 'utf8')).not.toMatch(/"key":"[0-9a-f]{64}"/);

    const elsewhere = tempDir();
    copyDataFolder(dir, elsewhere);
    const stranger = new KeyRing(elsewhere, { kdfCost });
    expect(stranger.locked).toBe(true);
    expect(() => new WorkspaceStore(elsewhere, stranger, systemClock, noHooks).get('live')).toThrow(/locked/);
    await expect(stranger.unlock('wrong passphrase!!')).rejects.toThrow(/Wrong passphrase/);
    // The key file alone is useless: the database refuses any other key.
    expect(() => openDatabase({ path: join(elsewhere, 'workspaces', 'live.db'), key: Buffer.alloc(32, 7) })).toThrow(/key is wrong/);

    await stranger.unlock('correct horse battery staple');
    const store = new WorkspaceStore(elsewhere, stranger, systemClock, noHooks);
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
    const store = new WorkspaceStore(dir, reopened, systemClock, noHooks);
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
    expect(probe(new WorkspaceStore(dir, again, systemClock, noHooks))).toEqual({ v: '"données"' });
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
    expect(probe(new WorkspaceStore(dir, recovered, systemClock, noHooks))).toEqual({ v: '"données"' });
  });
});

describe('key files of every kind', () => {
  it('opens key files written before workspace secrets and gives them a secret once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'workspaces'));
    const key = Buffer.alloc(32, 4);
    const path = join(dir, 'workspaces', 'live.key');
    writeFileSync(path, key.toString('hex'));
    const ring = new KeyRing(dir, { kdfCost });
    expect(ring.keyFor('live', path)).toEqual(key);
    const secret = ring.secretFor('live', path);
    expect(secret).toHaveLength(32);
    expect(ring.secretFor('live', path)).toEqual(secret);
    expect(ring.keyFor('live', path)).toEqual(key);
    await ring.setPassphrase('correct horse battery staple');
    expect(ring.keyFor('live', path)).toEqual(key);
    expect(ring.secretFor('live', path)).toEqual(secret);
  });

  it('rewraps the key files of backups too, and marks the databases for a fresh key', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    const live = join(dir, 'workspaces', 'live.key');
    mkdirSync(join(dir, 'backups', 'live'), { recursive: true });
    const backup = join(dir, 'backups', 'live', '20260101T000000Z.key');
    copyFileSync(live, backup);
    // A backup made before workspace secrets: a bare key.
    const legacy = join(dir, 'backups', 'live', '20250101T000000Z.key');
    writeFileSync(legacy, Buffer.alloc(32, 8).toString('hex'));
    // A temporary copy a crash left while a key file was written without protection.
    const stale = join(dir, 'workspaces', 'live.key.tmp');
    copyFileSync(live, stale);
    expect(ring.rotationDue).toBe(false);

    await ring.setPassphrase('correct horse battery staple');
    expect(existsSync(stale)).toBe(false);
    for (const f of [live, backup, legacy]) expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ version: 2, key: { iv: expect.any(String), tag: expect.any(String) } });
    const reopened = new KeyRing(dir, { kdfCost });
    await reopened.unlock('correct horse battery staple');
    expect(reopened.keyFor('live', backup)).toEqual(reopened.keyFor('live', live));
    expect(reopened.keyFor('live', legacy)).toEqual(Buffer.alloc(32, 8));
    expect(reopened.rotationDue).toBe(true);
    reopened.rotationDone();
    expect(new KeyRing(dir, { kdfCost }).rotationDue).toBe(false);
  });

  it('adopts a backup key file without a secret and keeps the workspace secret', () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    const live = join(dir, 'workspaces', 'live.key');
    const secret = ring.secretFor('live', live);
    const old = join(dir, 'old.key');
    writeFileSync(old, Buffer.alloc(32, 6).toString('hex'));
    ring.adoptKeyFile('live', live, old);
    expect(ring.keyFor('live', live)).toEqual(Buffer.alloc(32, 6));
    expect(ring.secretFor('live', live)).toEqual(secret);
  });

  it('finishes an interrupted rewrap in the backups folder as well', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    storeWithData(dir, ring).close();
    await ring.setPassphrase('correct horse battery staple');
    mkdirSync(join(dir, 'backups', 'live'), { recursive: true });
    const backup = join(dir, 'backups', 'live', '20260101T000000Z.key');
    // Crash after the ring's commit point: the staged rewrap is the one to keep.
    copyFileSync(join(dir, 'workspaces', 'live.key'), `${backup}.rewrap`);
    writeFileSync(backup, 'the old protection');
    const recovered = new KeyRing(dir, { kdfCost });
    await recovered.unlock('correct horse battery staple');
    expect(existsSync(`${backup}.rewrap`)).toBe(false);
    expect(recovered.keyFor('live', backup)).toEqual(recovered.keyFor('live', join(dir, 'workspaces', 'live.key')));
  });
});

describe('key rotation', () => {
  it('re-encrypts the database under a new key and keeps the data', () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    const store = storeWithData(dir, ring);
    const keyPath = join(dir, 'workspaces', 'live.key');
    const before = ring.keyFor('live', keyPath);
    const secret = ring.secretFor('live', keyPath);
    store.rotateKey('live');
    expect(ring.keyFor('live', keyPath)).not.toEqual(before);
    // The workspace secret (chain and signing keys) survives the rotation.
    expect(ring.secretFor('live', keyPath)).toEqual(secret);
    store.close();
    expect(() => openDatabase({ path: join(dir, 'workspaces', 'live.db'), key: before })).toThrow(/key is wrong/);
    const reopened = new WorkspaceStore(dir, new KeyRing(dir, { kdfCost }), systemClock, noHooks);
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
    const reopened = new WorkspaceStore(dir, new KeyRing(dir, { kdfCost }), systemClock, noHooks);
    expect(probe(reopened)).toEqual({ v: '"données"' });
    expect(new KeyRing(dir, { kdfCost }).keyFor('live', keyPath)).toEqual(next);
    reopened.close();
  });
});
