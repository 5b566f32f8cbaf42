// Applies pending migrations, one transaction per step, tracked by PRAGMA user_version.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration, MigrationHooks } from './migrations/types';
import { MIGRATIONS } from './migrations/index';
import { failure } from '../i18n/failure';

export const getUserVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings `db` to `target` (default: the latest version). Refuses a database written by newer code:
 * running old code on it could silently corrupt data it does not understand.
 */
export function migrate(db: Database, target = MIGRATIONS.length, migrations: readonly Migration[] = MIGRATIONS, hooks: MigrationHooks = {}): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: expected version ${i + 1}`);
  });
  const current = getUserVersion(db);
  if (current > migrations.length) {
    throw failure('UNAVAILABLE', 'platform.database.newerSchema', { schema: current, known: migrations.length });
  }
  for (const m of migrations.slice(current, target)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db, hooks);
      // user_version cannot be a bound parameter; m.version is an integer from our own list.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return getUserVersion(db);
}
