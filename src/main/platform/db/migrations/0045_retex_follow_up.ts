// The follow-up campaign of an incident's RETEX: which of Tocsin's items the cell has done, when and by whom. An
// item not done has no row.
import type { Migration } from './types';

export const migration0045: Migration = {
  version: 45,
  name: 'retex_follow_up',
  sql: `
    CREATE TABLE retex_follow_up (
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      item TEXT NOT NULL,
      done_at TEXT NOT NULL,
      done_by TEXT NOT NULL,
      PRIMARY KEY (incident_id, item)
    ) STRICT;
  `,
};
