// Detection: per-watch settings and live level, alerts with their stored explanation, tone corrections and the
// workspace's local tone model, per-hour term counts for emerging-term detection.
import type { Migration } from './types';

export const migration0007: Migration = {
  version: 7,
  name: 'detection',
  sql: `
    CREATE TABLE detection_settings (
      watch_id INTEGER PRIMARY KEY REFERENCES watches(id) ON DELETE CASCADE,
      settings_json TEXT NOT NULL CHECK (json_valid(settings_json)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE detection_levels (
      watch_id INTEGER PRIMARY KEY REFERENCES watches(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('calm', 'vigilance', 'alert', 'crisis')),
      since TEXT NOT NULL,
      -- Minute of the last evaluation, so a restart resumes where the engine stopped.
      evaluated_minute INTEGER,
      calm_since TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('vigilance', 'alert', 'crisis')),
      opened_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed')),
      status_reason TEXT,
      status_by TEXT,
      status_at TEXT,
      explanation_json TEXT NOT NULL CHECK (json_valid(explanation_json))
    ) STRICT;
    CREATE INDEX alerts_watch_opened ON alerts (watch_id, opened_at);
    CREATE INDEX alerts_opened ON alerts (opened_at);

    CREATE TABLE tone_corrections (
      mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
      tone_class TEXT NOT NULL CHECK (tone_class IN ('negative', 'neutral', 'positive')),
      previous_class TEXT,
      corrected_by TEXT,
      corrected_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE tone_models (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      weights BLOB NOT NULL,
      samples INTEGER NOT NULL,
      trained_at TEXT NOT NULL,
      metrics_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metrics_json))
    ) STRICT;

    CREATE TABLE watch_term_hours (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      hour INTEGER NOT NULL,
      term TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (watch_id, hour, term)
    ) STRICT, WITHOUT ROWID;
  `,
};
