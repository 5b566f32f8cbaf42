// A plan revision may now be the empty plan a cell starts from instead of the sample company's. SQLite cannot
// widen a CHECK in place, so the table is rebuilt with every revision kept as it was.
import type { Migration } from './types';

export const migration0033: Migration = {
  version: 33,
  name: 'plan_empty_origin',
  sql: `
    CREATE TABLE plan_revisions_next (
      revision INTEGER PRIMARY KEY,
      schema_version INTEGER NOT NULL,
      plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
      saved_at TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('default', 'empty', 'edit', 'import')),
      author TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      lesson_json TEXT CHECK (lesson_json IS NULL OR json_valid(lesson_json))
    ) STRICT;
    INSERT INTO plan_revisions_next (revision, schema_version, plan_json, saved_at, origin, author, note, lesson_json)
      SELECT revision, schema_version, plan_json, saved_at, origin, author, note, lesson_json FROM plan_revisions;
    DROP TABLE plan_revisions;
    ALTER TABLE plan_revisions_next RENAME TO plan_revisions;
  `,
};
