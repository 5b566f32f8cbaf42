// The plan shared across the cell: every laptop's signed plan revisions as they arrived (a forged or refused one is
// kept with why), and on each revision of the read model the cell revision it shows, the laptop that made it and
// what it changed. The watches shared likewise: every laptop's signed watch changes, and which local watch is
// which cell-wide watch, with the change it shows.
import type { Migration } from './types';

export const migration0044: Migration = {
  version: 44,
  name: 'shared_plan_watches',
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
    CREATE TABLE watch_changes (
      id TEXT PRIMARY KEY,
      uid TEXT NOT NULL,
      device_id TEXT NOT NULL,
      member_name TEXT,
      hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
      watch_json TEXT NOT NULL,
      signature TEXT NOT NULL,
      genuine INTEGER NOT NULL CHECK (genuine IN (0, 1))
    ) STRICT;
    CREATE INDEX watch_changes_order ON watch_changes (uid, hlc, device_id, id);
    CREATE TABLE cell_watches (
      uid TEXT PRIMARY KEY,
      watch_id INTEGER UNIQUE REFERENCES watches (id) ON DELETE SET NULL,
      change_id TEXT
    ) STRICT;
  `,
};
