// Shape of one schema step; the list in index.ts is append-only.
import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Steps SQL alone cannot do because they need keys kept outside the database. The feature that owns the
 * data supplies them when the workspace store opens a database.
 */
export interface MigrationHooks {
  /** Re-chains an existing crisis log under the workspace's keyed chain (features/crisisLog), in the step's transaction. */
  readonly keyCrisisLogChain?: (db: Database) => void;
}

export interface Migration {
  /** Equals the `user_version` after this step; versions are 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Runs after `sql` in the same transaction. */
  readonly run?: (db: Database, hooks: MigrationHooks) => void;
}
