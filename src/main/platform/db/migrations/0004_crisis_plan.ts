// The crisis plan of a workspace, kept as whole validated JSON documents: every save is a new revision,
// so the history shows what the plan said at any moment and nothing is overwritten.
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'crisis_plan',
  sql: `
    CREATE TABLE plan_revisions (
      revision INTEGER PRIMARY KEY,
      schema_version INTEGER NOT NULL,
      plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
      saved_at TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('default', 'edit', 'import')),
      author TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
  `,
};
