// Statements shared across the cell: the Automerge document of each statement, and on each decision its cell-wide
// id, the laptop that signed it and whether its signature held (a forged one is kept, shown, and never counts).
import type { Migration } from './types';

export const migration0042: Migration = {
  version: 42,
  name: 'shared_statements',
  sql: `
    CREATE TABLE shared_statements (
      statement_id TEXT PRIMARY KEY REFERENCES statements (id),
      document TEXT NOT NULL UNIQUE
    ) STRICT;
    ALTER TABLE statement_decisions ADD COLUMN decision_id TEXT;
    ALTER TABLE statement_decisions ADD COLUMN device_id TEXT;
    ALTER TABLE statement_decisions ADD COLUMN genuine INTEGER NOT NULL DEFAULT 1 CHECK (genuine IN (0, 1));
    CREATE UNIQUE INDEX statement_decisions_id ON statement_decisions (decision_id) WHERE decision_id IS NOT NULL;
  `,
};
