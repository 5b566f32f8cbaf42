// Regulatory clocks: an incident classified under an obligation of the plan, the deadline of each of its steps
// (UTC instants), what was sent and when, and the reminders already given.
import type { Migration } from './types';

export const migration0025: Migration = {
  version: 25,
  name: 'regulatory_clocks',
  sql: `
    CREATE TABLE regulatory_clocks (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      obligation_id TEXT NOT NULL,
      -- The obligation as it was when classified: a later plan edit does not move a running clock.
      obligation_json TEXT NOT NULL CHECK (json_valid(obligation_json)),
      time_zone TEXT NOT NULL,
      fractions_json TEXT NOT NULL CHECK (json_valid(fractions_json)),
      classified_at TEXT NOT NULL,
      classified_by TEXT NOT NULL,
      awareness_at TEXT NOT NULL,
      UNIQUE (incident_id, obligation_id)
    );
    CREATE TABLE regulatory_steps (
      clock_id TEXT NOT NULL REFERENCES regulatory_clocks(id),
      step_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      started_at TEXT,
      due_at TEXT,
      sent_at TEXT,
      sent_by TEXT,
      sent_what TEXT,
      PRIMARY KEY (clock_id, step_id)
    );
    CREATE TABLE regulatory_reminders (
      clock_id TEXT NOT NULL REFERENCES regulatory_clocks(id),
      step_id TEXT NOT NULL,
      fraction REAL NOT NULL,
      remind_at TEXT NOT NULL,
      fired_at TEXT NOT NULL,
      PRIMARY KEY (clock_id, step_id, fraction)
    );
  `,
};
