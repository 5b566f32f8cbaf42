// Sources and mentions shared across the cell: the cell-wide id of each local source (the same source has a
// different row id on every laptop) and whether this laptop polls it, the mention batches of members' documents
// already taken in, and how far this laptop's own mentions were handed to the cell.
import type { Migration } from './types';

export const migration0039: Migration = {
  version: 39,
  name: 'cell_sources',
  sql: `
    CREATE TABLE cell_sources (
      source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      uid TEXT NOT NULL UNIQUE,
      -- Kept so a restarted laptop knows, before the cell is back, whether it polls the source.
      owned INTEGER NOT NULL DEFAULT 1 CHECK (owned IN (0, 1))
    ) STRICT;
    CREATE TABLE cell_mention_batches (
      document TEXT NOT NULL,
      batch TEXT NOT NULL,
      PRIMARY KEY (document, batch)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE cell_mention_mark (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      published_through INTEGER NOT NULL
    ) STRICT;
  `,
};
