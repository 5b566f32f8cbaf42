// The data folder's key ring: one random key per workspace database, kept in `<id>.key` beside it, either
// in clear (protection "none", the first-run default where no keychain exists), wrapped under the OS
// keychain (Electron safeStorage, "os"), or wrapped under a key derived from the cell's passphrase.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../shared/contract/envelope';
import type { KeyProvider } from '../workspaces/workspaceStore';
import { deriveKek, kdfSchema, newKdfParams, unwrap, wrap, wrappedSchema, type KdfParams } from './keyWrap';

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
});
type RingFile = z.infer<typeof ringFileSchema>;

const keyFileSchema = z.object({ version: z.literal(1), wrapped: wrappedSchema });
const VERIFIER = Buffer.from('tocsin-key-ring-v1');
const MIN_PASSPHRASE = 10;

export interface KeyRingOptions {
  readonly os?: OsSecretStore;
  /** Lower scrypt cost for tests only. */
  readonly kdfCost?: { N: number; r: number; p: number };
}

export class KeyRing implements KeyProvider {
  readonly #ringPath: string;
  readonly #keysDir: string;
  #ring: RingFile;
  #kek: Buffer | undefined;

  constructor(
    dataDir: string,
    private readonly options: KeyRingOptions = {},
  ) {
    this.#ringPath = join(dataDir, 'keyring.json');
    this.#keysDir = join(dataDir, 'workspaces');
    this.#finishInterruptedRewrap();
    if (existsSync(this.#ringPath)) {
      const parsed = ringFileSchema.safeParse(JSON.parse(readFileSync(this.#ringPath, 'utf8')));
      if (!parsed.success) throw new AppFailure('UNAVAILABLE', `The key ring ${this.#ringPath} is damaged.`);
      this.#ring = parsed.data;
      if (this.#ring.protection === 'os') this.#kek = this.#openOsKek();
    } else if (options.os && !this.#anyKeyFile()) {
      // A fresh data folder on a machine with a real keychain is protected by it from the start.
      this.#kek = randomBytes(32);
      this.#ring = { version: 1, protection: 'os', osSealedKek: options.os.encrypt(this.#kek).toString('base64') };
      this.#save();
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

  async unlock(passphrase: string): Promise<void> {
    if (this.#ring.protection !== 'passphrase' || !this.#ring.kdf || !this.#ring.verifier) {
      throw new AppFailure('CONFLICT', 'No passphrase protects this data folder.');
    }
    const kek = await deriveKek(passphrase, this.#ring.kdf);
    if (!unwrap(kek, this.#ring.verifier, 'verifier')) throw new AppFailure('FORBIDDEN', 'Wrong passphrase.');
    this.#kek = kek;
  }

  keyFor(workspaceId: string, keyPath: string): Buffer {
    if (this.locked) throw new AppFailure('LOCKED', 'The data is locked: the passphrase is needed to open it.');
    if (!existsSync(keyPath)) {
      const key = randomBytes(32);
      this.#writeKey(workspaceId, keyPath, key, 'wx');
      return key;
    }
    return this.#readKey(workspaceId, keyPath);
  }

  /** A key written by an interrupted rotation, tried when the current key no longer opens the database. */
  stagedKeyFor(workspaceId: string, keyPath: string): Buffer | undefined {
    return existsSync(`${keyPath}.next`) ? this.#readKey(workspaceId, `${keyPath}.next`) : undefined;
  }

  stageKey(workspaceId: string, keyPath: string, key: Buffer): void {
    this.#writeKey(workspaceId, `${keyPath}.next`, key, 'w');
  }

  commitStagedKey(keyPath: string): void {
    renameSync(`${keyPath}.next`, keyPath);
  }

  /**
   * Protects every workspace key with a passphrase (or changes it). Changing it requires the current one.
   * Only the small key files are rewritten: the databases keep their keys.
   */
  async setPassphrase(next: string, current?: string): Promise<void> {
    if (next.length < MIN_PASSPHRASE) {
      throw new AppFailure('INVALID_INPUT', `The passphrase needs at least ${MIN_PASSPHRASE} characters.`);
    }
    if (this.#ring.protection === 'passphrase') {
      if (current === undefined) throw new AppFailure('FORBIDDEN', 'Enter the current passphrase to change it.');
      await this.unlock(current);
    }
    if (this.locked) throw new AppFailure('LOCKED', 'Unlock the data before changing its protection.');
    const keys = this.#keyFiles().map((path) => ({ path, id: basename(path, '.key'), key: this.#readKey(basename(path, '.key'), path) }));
    const kdf: KdfParams = newKdfParams(this.options.kdfCost);
    const kek = await deriveKek(next, kdf);
    // Stage the new ring, then every rewrapped key, before switching anything: a crash leaves either the old
    // or the new set usable (see #finishInterruptedRewrap).
    const ring: RingFile = { version: 1, protection: 'passphrase', kdf, verifier: wrap(kek, VERIFIER, 'verifier') };
    this.#writeRaw(`${this.#ringPath}.next`, JSON.stringify(ring, null, 2));
    for (const k of keys) this.#writeRaw(`${k.path}.rewrap`, JSON.stringify({ version: 1, wrapped: wrap(kek, k.key, k.id) }));
    // The rename of the ring is the commit point; #finishInterruptedRewrap completes or drops the rest.
    renameSync(`${this.#ringPath}.next`, this.#ringPath);
    this.#ring = ring;
    this.#kek = kek;
    for (const k of keys) renameSync(`${k.path}.rewrap`, k.path);
  }

  #finishInterruptedRewrap(): void {
    if (!existsSync(this.#keysDir)) return;
    const pending = readdirSync(this.#keysDir).filter((f) => f.endsWith('.key.rewrap'));
    const ringCommitted = !existsSync(`${this.#ringPath}.next`);
    for (const f of pending) {
      const path = join(this.#keysDir, f);
      if (ringCommitted) renameSync(path, path.slice(0, -'.rewrap'.length));
      else rmSync(path);
    }
    rmSync(`${this.#ringPath}.next`, { force: true });
  }

  #openOsKek(): Buffer | undefined {
    if (!this.options.os || !this.#ring.osSealedKek) return undefined;
    try {
      return this.options.os.decrypt(Buffer.from(this.#ring.osSealedKek, 'base64'));
    } catch {
      return undefined;
    }
  }

  #readKey(workspaceId: string, path: string): Buffer {
    const text = readFileSync(path, 'utf8').trim();
    if (this.#ring.protection === 'none') {
      if (!/^[0-9a-f]{64}$/.test(text)) throw new AppFailure('UNAVAILABLE', `Key file ${path} is damaged.`);
      return Buffer.from(text, 'hex');
    }
    const parsed = keyFileSchema.safeParse(safeJson(text));
    const key = parsed.success && this.#kek ? unwrap(this.#kek, parsed.data.wrapped, workspaceId) : undefined;
    if (!key) throw new AppFailure('FORBIDDEN', `Key file ${path} cannot be opened with this key ring.`);
    return key;
  }

  #writeKey(workspaceId: string, path: string, key: Buffer, flag: 'w' | 'wx'): void {
    const body =
      this.#ring.protection === 'none' || !this.#kek
        ? key.toString('hex')
        : JSON.stringify({ version: 1, wrapped: wrap(this.#kek, key, workspaceId) });
    if (flag === 'wx') writeFileSync(path, body, { mode: 0o600, flag: 'wx' });
    else this.#writeRaw(path, body);
  }

  #writeRaw(path: string, body: string): void {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, body, { mode: 0o600 });
    renameSync(tmp, path);
  }

  #save(): void {
    this.#writeRaw(this.#ringPath, JSON.stringify(this.#ring, null, 2));
  }

  #keyFiles(): string[] {
    if (!existsSync(this.#keysDir)) return [];
    return readdirSync(this.#keysDir)
      .filter((f) => f.endsWith('.key'))
      .map((f) => join(this.#keysDir, f));
  }

  #anyKeyFile(): boolean {
    return existsSync(this.#keysDir) && readdirSync(this.#keysDir).some((f) => f.endsWith('.key'));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
