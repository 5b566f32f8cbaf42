// Opens an encrypted workspace database: key, verification, pragmas, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';
import type { MigrationHooks } from './migrations/types';
import { failure } from '../i18n/failure';

export type Db = Database.Database;

export interface OpenOptions {
  readonly path: string;
  /** Raw 32-byte key; the cipher is sqleet's ChaCha20-Poly1305 (the library default). */
  readonly key: Buffer;
  readonly readonly?: boolean;
  /** Steps that need keys kept outside the database (see MigrationHooks). */
  readonly hooks?: MigrationHooks;
}

/**
 * Opens `path` with `key` and migrates it. A wrong key does not fail at `PRAGMA key` time but on the
 * first read, so the key is verified here, before any other code touches the database.
 */
export function openDatabase({ path, key, readonly = false, hooks }: OpenOptions): Db {
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    verifyKey(db, path);
    db.pragma('busy_timeout = 5000');
    if (readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    migrate(db, undefined, undefined, hooks);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function verifyKey(db: Db, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw failure('FORBIDDEN', 'platform.database.wrongKey', { path });
    }
    throw error;
  }
}
