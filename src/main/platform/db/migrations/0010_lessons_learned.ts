// Lessons-learned (RETEX) answers after an exercise or an incident. The author may stay anonymous so
// people say what did not work; actions carry an owner so the review leads somewhere.
import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'lessons_learned',
  sql: `
    CREATE TABLE lessons_learned (
      id INTEGER PRIMARY KEY,
      submitted_at TEXT NOT NULL,
      -- NULL when the person chose to answer anonymously.
      author TEXT,
      author_role TEXT,
      went_well TEXT NOT NULL,
      went_badly TEXT NOT NULL,
      actions_json TEXT NOT NULL CHECK (json_valid(actions_json) AND json_type(actions_json) = 'array')
    ) STRICT;
  `,
};
