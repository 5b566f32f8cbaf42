// Where a running exercise stands (script with the director's injects, game clock, what has fired), saved as
// it moves so that a restart of the app resumes the drill instead of losing its clock.
import type { Migration } from './types';

export const migration0015: Migration = {
  version: 15,
  name: 'exercise_run_state',
  sql: `
    CREATE TABLE exercise_run_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      state_json TEXT NOT NULL CHECK (json_valid(state_json)),
      saved_at TEXT NOT NULL
    ) STRICT;
  `,
};
