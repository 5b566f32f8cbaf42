// Every change of a watch's crisis level, so the dashboard strip and the incident report show what the engine
// said when (vigilance and step-downs included) instead of rebuilding it from alert episodes.
import type { Migration } from './types';

export const migration0012: Migration = {
  version: 12,
  name: 'level_history',
  sql: `
    CREATE TABLE detection_level_changes (
      id INTEGER PRIMARY KEY,
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('calm', 'vigilance', 'alert', 'crisis')),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX detection_level_changes_watch_at ON detection_level_changes (watch_id, at);

    -- Earlier databases keep what their alerts tell: the episode's level when it opened, calm when it closed.
    INSERT INTO detection_level_changes (watch_id, level, at)
      SELECT watch_id, level, at FROM (
        SELECT watch_id, level, opened_at AS at, id, 0 AS step FROM alerts
        UNION ALL
        SELECT watch_id, 'calm', closed_at, id, 1 FROM alerts WHERE closed_at IS NOT NULL
      ) ORDER BY at, id, step;
  `,
};
