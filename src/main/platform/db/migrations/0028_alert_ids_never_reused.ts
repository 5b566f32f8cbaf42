// Alert ids were plain rowids: deleting a watch (its alerts go with it) let SQLite hand the highest freed id to the
// next alert, so an incident, a log entry or a link naming "alert 12" could later open a different alert. The table
// is rebuilt with AUTOINCREMENT, which never hands out an id twice; the rows keep their ids.
import type { Migration } from './types';

export const migration0028: Migration = {
  version: 28,
  name: 'alert_ids_never_reused',
  sql: `
    CREATE TABLE alerts_next (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('vigilance', 'alert', 'crisis')),
      opened_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed')),
      status_reason TEXT,
      status_by TEXT,
      status_at TEXT,
      explanation_json TEXT NOT NULL CHECK (json_valid(explanation_json)),
      opening_explanation_json TEXT CHECK (opening_explanation_json IS NULL OR json_valid(opening_explanation_json))
    ) STRICT;
    INSERT INTO alerts_next (id, watch_id, level, opened_at, updated_at, closed_at, status, status_reason, status_by,
        status_at, explanation_json, opening_explanation_json)
      SELECT id, watch_id, level, opened_at, updated_at, closed_at, status, status_reason, status_by, status_at,
        explanation_json, opening_explanation_json FROM alerts;
    DROP TABLE alerts;
    ALTER TABLE alerts_next RENAME TO alerts;
    CREATE INDEX alerts_watch_opened ON alerts (watch_id, opened_at);
    CREATE INDEX alerts_opened ON alerts (opened_at);
  `,
};
