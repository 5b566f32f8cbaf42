// Helpers for migration tests (after Signal's updateToVersion): a real encrypted DB brought to a version.
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/platform/db/migrate';
import type { Db } from '../../src/main/platform/db/openDatabase';

/** A fresh database at schema `version` (no later migration applied). */
export function databaseAt(dir: string, version: number): Db {
  const db = new Database(join(dir, `v${version}.db`));
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

export const tableColumns = (db: Db, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
