// The roles a plan revision added, renamed or removed, kept as data so the history words them in each reader's
// language; revisions saved before this keep the English words in their note.
import type { Migration } from './types';

export const migration0038: Migration = {
  version: 38,
  name: 'plan_role_changes',
  sql: `ALTER TABLE plan_revisions ADD COLUMN role_changes_json TEXT CHECK (role_changes_json IS NULL OR json_valid(role_changes_json));`,
};
