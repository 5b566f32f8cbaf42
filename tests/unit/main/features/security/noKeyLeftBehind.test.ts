// Must show (issue #14, 3): after every change of protection and a key rotation, nothing in the data folder
// (databases, -wal/-shm, backups, key files, temp files) holds a key, a passphrase or any clear text that
// opens a database, and every backup still restores.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../src/main/app/createCore';
import { silentLogger } from '../../../../../src/main/platform/logger';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { deriveKek, kdfSchema } from '../../../../../src/main/platform/security/keyWrap';
import { KeyRing, type OsSecretStore } from '../../../../../src/main/platform/security/keyRing';
import { invoke } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
// Cheap scrypt for tests; production uses N = 2^17 (128 MiB).
const kdfCost = { N: 2 ** 12, r: 8, p: 1 };
const open: Core[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function start(dir: string, ring: KeyRing): Core {
  const core = createCore({ dataDir: dir, keyRing: ring, clock: { now: () => new Date() }, logger: silentLogger, shell: { shell: 'browser', version: 'test' }, checkOutput: true });
  open.push(core);
  return core;
}

const keyPath = (dir: string, id: string) => join(dir, 'workspaces', `${id}.key`);
const dbPath = (dir: string, id: string) => join(dir, 'workspaces', `${id}.db`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What the test knows: every database key and passphrase it has ever seen, and which database each key opens now. */
class Secrets {
  readonly retired = new Map<string, Buffer>();
  readonly current = new Map<string, Buffer>();
  readonly passphrases: string[] = [];
  readonly keks: Buffer[] = [];
  /** Workspace secrets (crisis log chain, archive signing): wrapped like the keys, never in clear. */
  readonly workspaceSecrets = new Map<string, Buffer>();

  seeDb(path: string, key: Buffer): void {
    this.current.set(path, key);
    this.retired.set(key.toString('hex'), key);
  }
}

function forms(secret: Buffer): Buffer[] {
  const hex = secret.toString('hex');
  return [secret, Buffer.from(hex), Buffer.from(hex.toUpperCase()), Buffer.from(secret.toString('base64')), Buffer.from(secret.toString('base64url'))];
}

function opens(path: string, key: Buffer): boolean {
  try {
    openDatabase({ path, key, readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

/** Scans every file of the data folder and returns what it found that must not be there. */
async function scan(dir: string, ring: KeyRing, secrets: Secrets): Promise<string[]> {
  const found: string[] = [];
  const ringFile = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { kdf?: unknown };
  const kdf = kdfSchema.safeParse(ringFile.kdf);
  const keks = [...secrets.keks];
  if (kdf.success) for (const p of secrets.passphrases) keks.push(await deriveKek(p, kdf.data));
  const databases = [...secrets.current.keys()];
  for (const db of databases) expect(opens(db, secrets.current.get(db)!), `the test's key for ${relative(dir, db)}`).toBe(true);

  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    if (/\.(tmp|rewrap|next)$|before-restore/.test(name)) found.push(`${name}: a temporary file was left behind`);
    const keyFile = /^(?:workspaces\/([a-z0-9-]+)|backups\/([a-z0-9-]+)\/[0-9TZ-]+)\.key$/.exec(name);
    if (keyFile) {
      // Every key file is wrapped by the current protection and opens the database beside it.
      try {
        const key = ring.keyFor(keyFile[1] ?? keyFile[2]!, file);
        if (!key.equals(secrets.current.get(file.replace(/\.key$/, '.db')) ?? Buffer.alloc(0))) found.push(`${name}: does not hold the key of its database`);
      } catch (error) {
        found.push(`${name}: cannot be opened with the current protection (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const bytes = readFileSync(file);
    for (const key of secrets.retired.values()) {
      if (forms(key).some((f) => bytes.includes(f))) {
        const opened = databases.filter((db) => secrets.current.get(db)!.equals(key)).map((db) => relative(dir, db));
        found.push(`${name}: holds a database key in clear${opened.length > 0 ? `, which opens ${opened.join(', ')}` : ''}`);
      }
    }
    for (const kek of keks) if (forms(kek).some((f) => bytes.includes(f))) found.push(`${name}: holds the key-encryption key in clear`);
    for (const [id, secret] of secrets.workspaceSecrets) if (forms(secret).some((f) => bytes.includes(f))) found.push(`${name}: holds the secret of ${id} in clear`);
    for (const p of secrets.passphrases) {
      if ([Buffer.from(p, 'utf8'), Buffer.from(p, 'utf16le'), Buffer.from(Buffer.from(p).toString('hex'))].some((f) => bytes.includes(f))) {
        found.push(`${name}: holds a passphrase`);
      }
    }
    // Any 32 bytes written as hex anywhere are tried against every database for real.
    const text = bytes.toString('latin1');
    for (const run of text.match(/[0-9a-fA-F]{64,}/g) ?? []) {
      for (let i = 0; i + 64 <= run.length; i += 2) {
        const candidate = Buffer.from(run.slice(i, i + 64), 'hex');
        for (const db of databases) if (opens(db, candidate)) found.push(`${name}: hex text at ${i} opens ${relative(dir, db)}`);
      }
    }
  }
  return found;
}

async function restoreEveryBackup(core: Core, workspaceIds: string[]): Promise<void> {
  for (const workspaceId of workspaceIds) {
    const backups = await invoke(core, 'backups:list', { workspaceId });
    expect(backups.length).toBeGreaterThan(0);
    // Oldest first, so the workspace ends on its newest backup.
    for (const b of [...backups].reverse()) {
      const restored = await core.dispatch('backups:restore', { workspaceId, name: b.name });
      expect(restored, `restore of ${workspaceId}/${b.name}`).toMatchObject({ ok: true });
      expect(core.crisisLog.verify(workspaceId)).toMatchObject({ ok: true });
    }
  }
}

async function note(core: Core, workspaceId: string, body: string): Promise<void> {
  await invoke(core, 'crisisLog:append', { workspaceId, entry: { kind: 'information', body, author: 'Scribe' } });
}

/** Records the key each database (live and backups) opens with right now, as read through the ring. */
function learnKeys(dir: string, ring: KeyRing, secrets: Secrets, workspaceIds: string[], backupKeys: Map<string, Buffer>): void {
  for (const id of workspaceIds) {
    secrets.seeDb(dbPath(dir, id), ring.keyFor(id, keyPath(dir, id)));
    secrets.workspaceSecrets.set(id, ring.secretFor(id, keyPath(dir, id)));
  }
  for (const [path, key] of backupKeys) secrets.seeDb(path, key);
}

async function backUp(core: Core, dir: string, workspaceId: string, secrets: Secrets, backupKeys: Map<string, Buffer>): Promise<void> {
  const info = await invoke(core, 'backups:create', { workspaceId });
  // VACUUM INTO keeps the source's key: the backup opens with the live key of that moment.
  backupKeys.set(join(dir, 'backups', workspaceId, info.name), secrets.current.get(dbPath(dir, workspaceId))!);
}

describe('no key left behind (issue #14, finding 2)', () => {
  it('none → passphrase → new passphrase → rotation: nothing on disk opens a database, every backup restores', async () => {
    const dir = tempDir();
    const ring = new KeyRing(dir, { kdfCost });
    const secrets = new Secrets();
    const backupKeys = new Map<string, Buffer>();
    let core = start(dir, ring);
    const drill = await invoke(core, 'exercises:create', { name: 'Exercice fuite' });
    const ids = ['live', drill.id];
    for (const id of ids) await note(core, id, `Premier signalement (${id})`);
    learnKeys(dir, ring, secrets, ids, backupKeys);
    for (const id of ids) await backUp(core, dir, id, secrets, backupKeys);
    const firstKeys = ids.map((id) => secrets.current.get(dbPath(dir, id))!);

    secrets.passphrases.push('première phrase de passe');
    await invoke(core, 'security:setPassphrase', { next: 'première phrase de passe' });
    learnKeys(dir, ring, secrets, ids, backupKeys);
    expect(await scan(dir, ring, secrets)).toEqual([]);
    // The keys that sat in clear until now open none of the live databases any more.
    ids.forEach((id, i) => expect(opens(dbPath(dir, id), firstKeys[i]!), `old key of ${id}`).toBe(false));
    await restoreEveryBackup(core, ids);
    learnKeys(dir, ring, secrets, ids, backupKeys);

    await note(core, 'live', 'Décision : gel des campagnes');
    await backUp(core, dir, 'live', secrets, backupKeys);
    secrets.passphrases.push('seconde phrase, plus longue');
    await invoke(core, 'security:setPassphrase', { next: 'seconde phrase, plus longue', current: 'première phrase de passe' });
    learnKeys(dir, ring, secrets, ids, backupKeys);
    expect(await scan(dir, ring, secrets)).toEqual([]);
    await restoreEveryBackup(core, ids);
    learnKeys(dir, ring, secrets, ids, backupKeys);

    const beforeRotation = secrets.current.get(dbPath(dir, 'live'))!;
    await invoke(core, 'security:rotateKey', { workspaceId: 'live' });
    learnKeys(dir, ring, secrets, ids, backupKeys);
    expect(opens(dbPath(dir, 'live'), beforeRotation)).toBe(false);
    expect(await scan(dir, ring, secrets)).toEqual([]);
    await restoreEveryBackup(core, ids);
    learnKeys(dir, ring, secrets, ids, backupKeys);
    expect(await scan(dir, ring, secrets)).toEqual([]);

    // Another process opens the folder with the passphrase alone.
    core.close();
    open.splice(0);
    const again = new KeyRing(dir, { kdfCost });
    expect(again.locked).toBe(true);
    await again.unlock('seconde phrase, plus longue');
    core = start(dir, again);
    expect(core.crisisLog.verify('live')).toMatchObject({ ok: true });
    expect(existsSync(join(dir, 'keyring.json.next'))).toBe(false);
  }, 120_000);

  it('keychain → passphrase: the same holds', async () => {
    const dir = tempDir();
    const pad = Buffer.alloc(32, 0x5a);
    const os: OsSecretStore = {
      encrypt: (b) => Buffer.from(b.map((x, i) => x ^ pad[i % 32]!)),
      decrypt: (b) => Buffer.from(b.map((x, i) => x ^ pad[i % 32]!)),
    };
    const ring = new KeyRing(dir, { os, kdfCost });
    expect(ring.protection).toBe('os');
    const secrets = new Secrets();
    const backupKeys = new Map<string, Buffer>();
    const core = start(dir, ring);
    await note(core, 'live', 'Appel du journaliste du Temps');
    learnKeys(dir, ring, secrets, ['live'], backupKeys);
    await backUp(core, dir, 'live', secrets, backupKeys);
    const keychainKek = os.decrypt(Buffer.from((JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { osSealedKek: string }).osSealedKek, 'base64'));
    const firstKey = secrets.current.get(dbPath(dir, 'live'))!;

    secrets.passphrases.push('phrase de passe de la cellule');
    secrets.keks.push(keychainKek);
    await invoke(core, 'security:setPassphrase', { next: 'phrase de passe de la cellule' });
    learnKeys(dir, ring, secrets, ['live'], backupKeys);
    expect(await scan(dir, ring, secrets)).toEqual([]);
    expect(opens(dbPath(dir, 'live'), firstKey)).toBe(false);
    await restoreEveryBackup(core, ['live']);
  }, 120_000);
});
