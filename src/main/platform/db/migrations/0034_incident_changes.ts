// Incidents shared across the cell: every change made to an incident (opening, status, severity, handover,
// checklist item), by whichever laptop made it, with its hybrid clock stamp and its author laptop's signature. The
// incidents' own tables are what these changes give when replayed in clock order; this one keeps them all, the
// overridden ones and the forged ones (marked not genuine) included.
import type { Migration } from './types';

export const migration0034: Migration = {
  version: 34,
  name: 'incident_changes',
  sql: `
    CREATE TABLE incident_changes (
      -- The change's id; a forgery's is derived from what it claims, so it never takes the genuine one's place.
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL,
      device_id TEXT NOT NULL,
      member_name TEXT,
      hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      by TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('opened', 'status', 'severity', 'handover', 'checklist')),
      data_json TEXT NOT NULL CHECK (json_valid(data_json)),
      signature TEXT NOT NULL,
      genuine INTEGER NOT NULL CHECK (genuine IN (0, 1))
    ) STRICT;
    CREATE INDEX incident_changes_order ON incident_changes (incident_id, hlc, device_id, id);
  `,
};
