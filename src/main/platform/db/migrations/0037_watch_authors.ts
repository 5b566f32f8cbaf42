// A watch may follow only some accounts (the staff accounts the firm declared): their handles, as typed.
import type { Migration } from './types';

export const migration0037: Migration = {
  version: 37,
  name: 'watch_authors',
  sql: `ALTER TABLE watches ADD COLUMN authors_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors_json));`,
};
