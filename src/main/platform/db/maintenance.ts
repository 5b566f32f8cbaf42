// Whole-database operations that are not a feature's data: online copy, integrity check, re-encryption,
// durability of what has been committed.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';

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

/**
 * Makes every committed transaction durable now. In WAL mode with synchronous = NORMAL a commit reaches the
 * disk only at the next checkpoint; a file that must never run ahead of the database (an anchor of its
 * content) is written after this.
 */
export function syncCommitted(db: Database): void {
  const wal = `${db.name}-wal`;
  if (!existsSync(wal)) return;
  const fd = openSync(wal, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
