// Opens an encrypted workspace database: key, verification, pragmas, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../../shared/contract/envelope';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  readonly path: string;
  /** Raw 32-byte key; the cipher is sqleet's ChaCha20-Poly1305 (the library default). */
  readonly key: Buffer;
  readonly readonly?: boolean;
}

/**
 * Opens `path` with `key` and migrates it. A wrong key does not fail at `PRAGMA key` time but on the
 * first read, so the key is verified here, before any other code touches the database.
 */
export function openDatabase({ path, key, readonly = false }: OpenOptions): Db {
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
    migrate(db);
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
      throw new AppFailure(
        'FORBIDDEN',
        `Cannot open ${path}: the encryption key is wrong, or the file is not a Tocsin database.`,
      );
    }
    throw error;
  }
}
