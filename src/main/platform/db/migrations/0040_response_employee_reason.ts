// Staff posts go into the response queue for the HR and communications roles under their own reason, "employee".
// SQLite cannot widen a CHECK in place: the table is rebuilt with the same rows, columns and indexes.
import type { Migration } from './types';

export const migration0040: Migration = {
  version: 40,
  name: 'response_employee_reason',
  sql: `
    CREATE TABLE response_items_next (
      mention_id INTEGER PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
      reason TEXT NOT NULL CHECK (reason IN ('question', 'complaint', 'journalist', 'manual', 'employee')),
      flagged_by TEXT NOT NULL,
      assigned_role TEXT,
      state TEXT NOT NULL CHECK (state IN ('open', 'replying', 'answered', 'offline', 'dismissed')),
      statement_id TEXT REFERENCES statements (id),
      note TEXT,
      handled_by TEXT,
      handled_at TEXT,
      flagged_at TEXT NOT NULL,
      audience INTEGER NOT NULL DEFAULT -1,
      CHECK (state NOT IN ('offline', 'dismissed') OR length(trim(coalesce(note, ''))) > 0)
    ) STRICT;
    INSERT INTO response_items_next (mention_id, reason, flagged_by, assigned_role, state, statement_id, note, handled_by,
        handled_at, flagged_at, audience)
      SELECT mention_id, reason, flagged_by, assigned_role, state, statement_id, note, handled_by, handled_at, flagged_at,
        audience FROM response_items;
    DROP TABLE response_items;
    ALTER TABLE response_items_next RENAME TO response_items;
    CREATE INDEX response_items_state ON response_items (state, flagged_at);
    CREATE INDEX response_items_statement ON response_items (statement_id) WHERE statement_id IS NOT NULL;
    CREATE INDEX response_items_page ON response_items (state, audience, flagged_at, mention_id);
  `,
};
