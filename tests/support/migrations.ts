// Helpers for migration tests (after Signal's updateToVersion): a real database brought to a version, so a test
// can put rows in the old shape before it runs the migration under test.
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/platform/db/migrate';
import type { Db } from '../../src/main/platform/db/openDatabase';

/** A fresh in-memory database at schema `version` (no later migration applied), foreign keys enforced. */
export function databaseAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

export const tableColumns = (db: Db, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
