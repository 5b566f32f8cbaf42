// The log screens list the newest entries, when they happened first: without an index on that time, every listing
// sorted the whole log (0.2 s at 10,000 entries, on each change of a busy cell's log). With it SQLite walks the
// newest entries and sorts only those of the same moment.
import type { Migration } from './types';

export const migration0043: Migration = {
  version: 43,
  name: 'crisis_log_entry_time',
  sql: `CREATE INDEX crisis_log_entry_time ON crisis_log (record, occurred_at);`,
};
