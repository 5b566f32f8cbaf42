// The RETEX of a live incident (what happened, what worked, what did not) and its follow-up actions, some of
// which propose a plan change; a plan revision made from an accepted change keeps the lesson it came from.
import type { Migration } from './types';

export const migration0027: Migration = {
  version: 27,
  name: 'incident_retex',
  sql: `
    CREATE TABLE incident_retex (
      incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
      what_happened TEXT NOT NULL DEFAULT '',
      went_well TEXT NOT NULL DEFAULT '',
      went_badly TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;
    CREATE TABLE retex_actions (
      id INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      text TEXT NOT NULL,
      owner_role TEXT NOT NULL,
      owner_person TEXT NOT NULL,
      due_date TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      done_at TEXT,
      done_by TEXT,
      plan_change_json TEXT CHECK (plan_change_json IS NULL OR json_valid(plan_change_json)),
      plan_change_state TEXT CHECK (plan_change_state IN ('proposed', 'accepted', 'rejected')),
      plan_revision INTEGER
    ) STRICT;
    CREATE INDEX retex_actions_incident ON retex_actions (incident_id, id);
    ALTER TABLE plan_revisions ADD COLUMN lesson_json TEXT CHECK (lesson_json IS NULL OR json_valid(lesson_json));
  `,
};
