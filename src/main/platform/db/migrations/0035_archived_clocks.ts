// A regulatory clock can come from an incident archive read for review: it keeps the instant of that archive and
// never reminds anyone, as a mobilisation from an archive never messages anyone.
import type { Migration } from './types';

export const migration0035: Migration = {
  version: 35,
  name: 'archived_clocks',
  sql: `ALTER TABLE regulatory_clocks ADD COLUMN from_archive_at TEXT;`,
};
