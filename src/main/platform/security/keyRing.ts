// The data folder's key ring. Each workspace has a key file beside its database (`<id>.key`) holding the
// database key and the workspace secret (from which the crisis log chain and archive signing keys are
// derived), either in clear (protection "none", the first-run default where no keychain exists), wrapped
// under the OS keychain (Electron safeStorage, "os"), or wrapped under a key derived from the cell's
// passphrase. Backups keep a copy of the key file, so every key file in the folder follows the protection.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { createFileAtomic, renameDurably, writeFileAtomic } from '../files/atomicFile';
import type { KeyProvider } from '../workspaces/workspaceStore';
import { deriveKek, kdfSchema, newKdfParams, unwrap, wrap, wrappedSchema, type KdfParams, type Wrapped } from './keyWrap';
import { failure } from '../i18n/failure';

/** Electron's safeStorage, behind an interface so the core stays Electron-free. */
export interface OsSecretStore {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export const protectionSchema = z.enum(['none', 'os', 'passphrase']);
export type Protection = z.infer<typeof protectionSchema>;

const ringFileSchema = z.object({
  version: z.literal(1),
  protection: protectionSchema,
  kdf: kdfSchema.optional(),
  /** A known value wrapped under the KEK: tells a wrong passphrase apart from a damaged key file. */
  verifier: wrappedSchema.optional(),
  /** The KEK sealed by the OS keychain (protection "os"), base64. */
  osSealedKek: z.string().optional(),
  /**
   * Set when the protection changed and the database keys have not been replaced yet: keys that sat on
   * disk under the old protection must stop opening the databases (see `rotationDue`).
   */
  rotationDue: z.boolean().optional(),
});
type RingFile = z.infer<typeof ringFileSchema>;

const HEX_KEY = /^[0-9a-f]{64}$/;
const sealedSchema = z.union([z.string().regex(HEX_KEY), wrappedSchema]);
type Sealed = z.infer<typeof sealedSchema>;
const keyFileSchema = z.union([
  z.object({ version: z.literal(2), key: sealedSchema, secret: sealedSchema.optional() }),
  // Written before workspace secrets existed: the wrapped database key alone.
  z.object({ version: z.literal(1), wrapped: wrappedSchema }),
]);

/** A key file's content once opened. `secret` is absent from files written before it existed. */
interface KeyMaterial {
  readonly key: Buffer;
  readonly secret?: Buffer;
}

const VERIFIER = Buffer.from('tocsin-key-ring-v1');
const MIN_PASSPHRASE = 10;
/** Key files are `<id>.key`, a staged rotation `<id>.key.next`, a restore's copy `<id>.db.before-restore.key`. */
const KEY_FILE = /\.key(\.next)?$/;
const REWRAP = '.rewrap';
const STALE_TEMPORARY = /\.key(\.next)?(\.rewrap)?\.tmp$/;

export interface KeyRingOptions {
  readonly os?: OsSecretStore;
  /** Lower scrypt cost for tests only. */
  readonly kdfCost?: { N: number; r: number; p: number };
}

export class KeyRing implements KeyProvider {
  readonly #ringPath: string;
  readonly #dataDir: string;
  #ring: RingFile;
  #kek: Buffer | undefined;

  constructor(
    dataDir: string,
    private readonly options: KeyRingOptions = {},
  ) {
    this.#dataDir = dataDir;
    this.#ringPath = join(dataDir, 'keyring.json');
    this.#finishInterruptedRewrap();
    if (existsSync(this.#ringPath)) {
      const parsed = ringFileSchema.safeParse(safeJson(readFileSync(this.#ringPath, 'utf8')));
      if (!parsed.success) throw failure('UNAVAILABLE', 'platform.keys.ringDamaged', { path: this.#ringPath });
      this.#ring = parsed.data;
      if (this.#ring.protection === 'os') this.#kek = this.#openOsKek();
    } else if (options.os && this.#keyFiles().length === 0) {
      // A fresh data folder on a machine with a real keychain is protected by it from the start.
      this.#kek = randomBytes(32);
      this.#ring = { version: 1, protection: 'os', osSealedKek: options.os.encrypt(this.#kek).toString('base64') };
      writeFileAtomic(this.#ringPath, JSON.stringify(this.#ring, null, 2));
    } else {
      this.#ring = { version: 1, protection: 'none' };
    }
  }

  get protection(): Protection {
    return this.#ring.protection;
  }

  /** True while a passphrase is needed before any workspace can be opened. */
  get locked(): boolean {
    return this.#ring.protection !== 'none' && this.#kek === undefined;
  }

  /** True after a change of protection until every database has been re-encrypted under a fresh key. */
  get rotationDue(): boolean {
    return this.#ring.rotationDue === true;
  }

  rotationDone(): void {
    if (!this.rotationDue) return;
    const { rotationDue: _done, ...ring } = this.#ring;
    writeFileAtomic(this.#ringPath, JSON.stringify(ring, null, 2));
    this.#ring = ring;
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.#ring.protection !== 'passphrase' || !this.#ring.kdf || !this.#ring.verifier) {
      throw failure('CONFLICT', 'platform.keys.noPassphrase');
    }
    const kek = await deriveKek(passphrase, this.#ring.kdf);
    if (!unwrap(kek, this.#ring.verifier, 'verifier')) throw failure('FORBIDDEN', 'platform.keys.wrongPassphrase');
    this.#kek = kek;
  }

  keyFor(workspaceId: string, keyPath: string): Buffer {
    this.#assertOpen();
    if (!existsSync(keyPath)) {
      const key = randomBytes(32);
      createFileAtomic(keyPath, this.#seal(workspaceId, { key, secret: randomBytes(32) }));
      return key;
    }
    return this.#open(workspaceId, keyPath).key;
  }

  /**
   * The workspace secret, never stored in the database; key files written before it existed get one now.
   * Only derived keys leave the ring's callers (HKDF, see subkeys.ts).
   */
  secretFor(workspaceId: string, keyPath: string): Buffer {
    this.keyFor(workspaceId, keyPath);
    const material = this.#open(workspaceId, keyPath);
    if (material.secret) return material.secret;
    const secret = randomBytes(32);
    writeFileAtomic(keyPath, this.#seal(workspaceId, { key: material.key, secret }));
    return secret;
  }

  /** A key written by an interrupted rotation, tried when the current key no longer opens the database. */
  stagedKeyFor(workspaceId: string, keyPath: string): Buffer | undefined {
    return existsSync(`${keyPath}.next`) ? this.#open(workspaceId, `${keyPath}.next`).key : undefined;
  }

  stageKey(workspaceId: string, keyPath: string, key: Buffer): void {
    writeFileAtomic(`${keyPath}.next`, this.#seal(workspaceId, { key, secret: this.secretFor(workspaceId, keyPath) }));
  }

  commitStagedKey(keyPath: string): void {
    renameDurably(`${keyPath}.next`, keyPath);
  }

  /**
   * Puts the database key of `fromPath` (a backup's key file) in `keyPath`. The workspace secret comes with
   * it; a backup made before secrets existed keeps the workspace's current one.
   */
  adoptKeyFile(workspaceId: string, keyPath: string, fromPath: string): void {
    const from = this.#open(workspaceId, fromPath);
    const secret = from.secret ?? this.secretFor(workspaceId, keyPath);
    writeFileAtomic(keyPath, this.#seal(workspaceId, { key: from.key, secret }));
  }

  /**
   * Protects every key file of the data folder (workspaces and backups) with a passphrase, or changes it;
   * changing it requires the current one. The databases are re-encrypted afterwards (`rotationDue`), so a
   * key that sat on disk under the old protection no longer opens them.
   */
  async setPassphrase(next: string, current?: string): Promise<void> {
    if (next.length < MIN_PASSPHRASE) {
      throw failure('INVALID_INPUT', 'platform.keys.tooShort', { min: MIN_PASSPHRASE });
    }
    if (this.#ring.protection === 'passphrase') {
      if (current === undefined) throw failure('FORBIDDEN', 'platform.keys.currentNeeded');
      await this.unlock(current);
    }
    if (this.locked) throw failure('LOCKED', 'platform.keys.unlockFirst');
    this.#dropStaleTemporaries();
    const files = this.#keyFiles().map((f) => ({ ...f, material: this.#open(f.workspaceId, f.path) }));
    const kdf: KdfParams = newKdfParams(this.options.kdfCost);
    const kek = await deriveKek(next, kdf);
    const ring: RingFile = { version: 1, protection: 'passphrase', kdf, verifier: wrap(kek, VERIFIER, 'verifier'), rotationDue: true };
    // Stage the new ring, then every rewrapped key, before switching anything: a crash leaves either the old
    // or the new set usable (see #finishInterruptedRewrap).
    writeFileAtomic(`${this.#ringPath}.next`, JSON.stringify(ring, null, 2));
    for (const f of files) writeFileAtomic(`${f.path}${REWRAP}`, sealWith(kek, f.workspaceId, f.material));
    // The rename of the ring is the commit point; #finishInterruptedRewrap completes or drops the rest.
    renameDurably(`${this.#ringPath}.next`, this.#ringPath);
    this.#ring = ring;
    this.#kek = kek;
    for (const f of files) renameDurably(`${f.path}${REWRAP}`, f.path);
  }

  #finishInterruptedRewrap(): void {
    const ringCommitted = !existsSync(`${this.#ringPath}.next`);
    for (const dir of this.#keyDirs()) {
      for (const f of readdirSync(dir).filter((name) => name.endsWith(REWRAP))) {
        const path = join(dir, f);
        if (ringCommitted) renameDurably(path, path.slice(0, -REWRAP.length));
        else rmSync(path);
      }
    }
    rmSync(`${this.#ringPath}.next`, { force: true });
  }

  /** A key file's temporary copy left by a crash holds the key under the protection being replaced. */
  #dropStaleTemporaries(): void {
    for (const dir of this.#keyDirs()) {
      for (const f of readdirSync(dir).filter((name) => STALE_TEMPORARY.test(name))) rmSync(join(dir, f), { force: true });
    }
  }

  #assertOpen(): void {
    if (this.locked) throw failure('LOCKED', 'platform.keys.locked');
  }

  #openOsKek(): Buffer | undefined {
    if (!this.options.os || !this.#ring.osSealedKek) return undefined;
    try {
      return this.options.os.decrypt(Buffer.from(this.#ring.osSealedKek, 'base64'));
    } catch {
      return undefined;
    }
  }

  #open(workspaceId: string, path: string): KeyMaterial {
    this.#assertOpen();
    const text = readFileSync(path, 'utf8').trim();
    const clear = this.#ring.protection === 'none';
    // Key files written before workspace secrets: a bare hex key (no protection) or one wrapped key.
    if (HEX_KEY.test(text)) {
      if (!clear) throw failure('FORBIDDEN', 'platform.keys.fileInClear', { path });
      return { key: Buffer.from(text, 'hex') };
    }
    const parsed = keyFileSchema.safeParse(safeJson(text));
    if (!parsed.success) throw failure('UNAVAILABLE', 'platform.keys.fileDamaged', { path });
    const file = parsed.data;
    const open = (sealed: Sealed, context: string): Buffer => {
      const key = typeof sealed === 'string' ? (clear ? Buffer.from(sealed, 'hex') : undefined) : this.#kek && unwrap(this.#kek, sealed, context);
      if (!key) throw failure('FORBIDDEN', 'platform.keys.fileForeign', { path });
      return key;
    };
    if (file.version === 1) return { key: open(file.wrapped, workspaceId) };
    return { key: open(file.key, workspaceId), secret: file.secret === undefined ? undefined : open(file.secret, secretContext(workspaceId)) };
  }

  #seal(workspaceId: string, material: KeyMaterial): string {
    if (this.#ring.protection === 'none') {
      return JSON.stringify({ version: 2, key: material.key.toString('hex'), secret: material.secret?.toString('hex') });
    }
    if (!this.#kek) throw failure('LOCKED', 'platform.keys.locked');
    return sealWith(this.#kek, workspaceId, material);
  }

  #keyDirs(): string[] {
    const dirs = [join(this.#dataDir, 'workspaces')];
    const backups = join(this.#dataDir, 'backups');
    if (existsSync(backups)) dirs.push(...readdirSync(backups, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(backups, d.name)));
    return dirs.filter((d) => existsSync(d));
  }

  /** Every key file in the data folder, with the workspace whose id authenticates it. */
  #keyFiles(): { path: string; workspaceId: string }[] {
    const live = join(this.#dataDir, 'workspaces');
    return this.#keyDirs().flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => KEY_FILE.test(f))
        // A workspace's files start with its id (ids have no dots); a backup folder is named after it.
        .map((f) => ({ path: join(dir, f), workspaceId: dir === live ? f.slice(0, f.indexOf('.')) : basename(dir) })),
    );
  }
}

const secretContext = (workspaceId: string): string => `${workspaceId}/secret`;

function sealWith(kek: Buffer, workspaceId: string, material: KeyMaterial): string {
  const body: { version: 2; key: Wrapped; secret?: Wrapped } = { version: 2, key: wrap(kek, material.key, workspaceId) };
  if (material.secret) body.secret = wrap(kek, material.secret, secretContext(workspaceId));
  return JSON.stringify(body);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
