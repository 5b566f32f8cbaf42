// Automerge data of the cell's shared documents (automerge-repo's key/value storage), kept in the encrypted
// workspace database so that no replicated state ever sits in a clear file. Local-only cell state (this
// laptop's device key, the cell's CA key, pending invitations) lives beside it.
import type { Migration } from './types';

export const migration0020: Migration = {
  version: 20,
  name: 'sync_chunks',
  sql: `
    CREATE TABLE sync_chunks (
      key TEXT PRIMARY KEY,
      data BLOB NOT NULL
    ) STRICT;
    CREATE TABLE cell_local (
      name TEXT PRIMARY KEY,
      value_json TEXT NOT NULL CHECK (json_valid(value_json))
    ) STRICT;
    CREATE TABLE cell_invitations (
      id TEXT PRIMARY KEY,
      secret_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    ) STRICT;
  `,
};
