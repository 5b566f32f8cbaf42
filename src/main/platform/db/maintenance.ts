// Whole-database operations that are not a feature's data: online copy, integrity check, re-encryption.
import type { Database } from 'better-sqlite3-multiple-ciphers';

/** SQLite's online copy: consistent while other connections write, encrypted like its source. */
export function vacuumInto(db: Database, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/** 'ok', or SQLite's description of the damage. */
export function integrityCheck(db: Database): string {
  return String(db.pragma('integrity_check', { simple: true }));
}

/** Re-encrypts the database under `key`. SQLite3 Multiple Ciphers cannot rekey in WAL mode, hence the switch. */
export function rekey(db: Database, key: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
}
