// An incident names the watches it is about and the period it covers, so its report, exports, queue and archive
// read only its own crisis. The period ends when the incident closes (open-ended until then).
// Earlier incidents get the watch of the alert they were opened from (every watch when opened by hand) and the
// period from their opening to their closing: what they were about is not known any better.
import type { Migration } from './types';

export const migration0018: Migration = {
  version: 18,
  name: 'incident_scope',
  sql: `
    ALTER TABLE incidents ADD COLUMN period_start TEXT;
    ALTER TABLE incidents ADD COLUMN period_end TEXT;
    UPDATE incidents SET period_start = opened_at, period_end = closed_at;

    CREATE TABLE incident_watches (
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
      PRIMARY KEY (incident_id, watch_id)
    ) STRICT;
    CREATE INDEX incident_watches_watch ON incident_watches (watch_id);

    INSERT INTO incident_watches (incident_id, watch_id)
      SELECT i.id, w.id FROM incidents i JOIN watches w
        ON w.id = json_extract(i.alert_snapshot_json, '$.watchId')
      WHERE i.alert_snapshot_json IS NOT NULL;
    INSERT INTO incident_watches (incident_id, watch_id)
      SELECT i.id, w.id FROM incidents i CROSS JOIN watches w
      WHERE NOT EXISTS (SELECT 1 FROM incident_watches iw WHERE iw.incident_id = i.id);
  `,
};
