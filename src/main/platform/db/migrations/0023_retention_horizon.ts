// Where the retention policy has pruned up to: before this instant the rollups count mentions that are no longer
// stored, so a recount from the stored mentions (a watch edited, a source removed) must start after it.
import type { Migration } from './types';

export const migration0023: Migration = {
  version: 23,
  name: 'retention_horizon',
  sql: `
    CREATE TABLE mention_retention (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pruned_before TEXT NOT NULL
    ) STRICT;
  `,
};
