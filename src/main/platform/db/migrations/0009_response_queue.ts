// The response queue: mentions that need an answer (questions, complaints, journalists), flagged by rules or
// by hand, assigned to a role, answered by a reply statement or handled offline.
import type { Migration } from './types';

export const migration0009: Migration = {
  version: 9,
  name: 'response_queue',
  sql: `
    CREATE TABLE response_items (
      mention_id INTEGER PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
      reason TEXT NOT NULL CHECK (reason IN ('question', 'complaint', 'journalist', 'manual')),
      flagged_by TEXT NOT NULL,
      assigned_role TEXT,
      state TEXT NOT NULL CHECK (state IN ('open', 'replying', 'answered', 'offline', 'dismissed')),
      statement_id TEXT REFERENCES statements (id),
      note TEXT,
      handled_by TEXT,
      handled_at TEXT,
      flagged_at TEXT NOT NULL,
      CHECK (state NOT IN ('offline', 'dismissed') OR length(trim(coalesce(note, ''))) > 0)
    ) STRICT;
    CREATE INDEX response_items_state ON response_items (state, flagged_at);
    CREATE INDEX response_items_statement ON response_items (statement_id) WHERE statement_id IS NOT NULL;
  `,
};
