// Exercise scenarios a cell writes for itself, imported from a file next to the shipped ones (live workspace).
import type { Migration } from './types';

export const migration0016: Migration = {
  version: 16,
  name: 'custom_scenarios',
  sql: `
    CREATE TABLE custom_scenarios (
      id TEXT PRIMARY KEY,
      script_json TEXT NOT NULL CHECK (json_valid(script_json)),
      imported_at TEXT NOT NULL
    ) STRICT;
  `,
};
