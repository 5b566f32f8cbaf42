// The plan shared across the cell: every laptop's signed plan revisions as they arrived (a forged or refused one is
// kept with why), and on each revision of the read model the cell revision it shows, the laptop that made it and
// what it changed.
import type { Migration } from './types';

export const migration0044: Migration = {
  version: 44,
  name: 'shared_plan',
  sql: `
    CREATE TABLE plan_changes (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      member_name TEXT,
      hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('base', 'edit')),
      origin TEXT NOT NULL,
      by TEXT NOT NULL,
      note TEXT NOT NULL,
      lesson TEXT NOT NULL,
      ops_json TEXT NOT NULL,
      signature TEXT NOT NULL,
      genuine INTEGER NOT NULL CHECK (genuine IN (0, 1)),
      refusal_json TEXT CHECK (refusal_json IS NULL OR json_valid(refusal_json))
    ) STRICT;
    CREATE INDEX plan_changes_order ON plan_changes (hlc, device_id, id);
    ALTER TABLE plan_revisions ADD COLUMN change_id TEXT;
    ALTER TABLE plan_revisions ADD COLUMN device_id TEXT;
    ALTER TABLE plan_revisions ADD COLUMN paths_json TEXT CHECK (paths_json IS NULL OR json_valid(paths_json));
  `,
};
