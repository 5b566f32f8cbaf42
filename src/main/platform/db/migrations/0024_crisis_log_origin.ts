// Where a crisis log entry came from when the workspace is in a cell: the laptop that wrote it, its place in
// that laptop's own signed chain, its hybrid logical clock (the order every laptop shows), its Ed25519
// signature and whether that signature held here. Kept beside crisis_log, whose keyed chain stays as it was.
import type { Migration } from './types';

export const migration0024: Migration = {
  version: 24,
  name: 'crisis_log_origin',
  sql: `
    CREATE TABLE crisis_log_origin (
      entry_id TEXT PRIMARY KEY REFERENCES crisis_log (id),
      device_id TEXT NOT NULL,
      member_name TEXT,
      author_seq INTEGER NOT NULL,
      prev TEXT NOT NULL,
      hlc TEXT NOT NULL,
      signature TEXT NOT NULL,
      genuine INTEGER NOT NULL CHECK (genuine IN (0, 1))
    ) STRICT;
    CREATE INDEX crisis_log_origin_device ON crisis_log_origin (device_id, author_seq);
  `,
};
