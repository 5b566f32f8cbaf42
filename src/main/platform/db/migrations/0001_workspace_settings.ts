// Workspace metadata and key/value settings: the first table every workspace database has.
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'workspace_settings',
  sql: `
    CREATE TABLE workspace_meta (
      id TEXT PRIMARY KEY CHECK (id = 'self'),
      workspace_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('live', 'exercise')),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL CHECK (json_valid(value_json)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
