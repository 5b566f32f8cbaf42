// Incidents and their war-room state: roster with handover history, mobilisation calls, checklists,
// situation reports. Everything an incident copies from the plan is frozen here, so later plan edits
// never rewrite what the cell was told during a crisis.
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'incidents',
  sql: `
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      scenario_kind TEXT NOT NULL,
      scenario_id TEXT,
      severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      status TEXT NOT NULL CHECK (status IN ('monitoring', 'active', 'stabilised', 'closed')),
      summary TEXT NOT NULL DEFAULT '',
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      -- Set when opened from an alert: the alert's id and a JSON snapshot of its why-card and mentions.
      alert_id TEXT,
      alert_snapshot_json TEXT CHECK (alert_snapshot_json IS NULL OR json_valid(alert_snapshot_json)),
      active_at TEXT,
      stabilised_at TEXT,
      closed_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incidents_open ON incidents (status, opened_at);

    CREATE TABLE incident_roles (
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      role_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name_json TEXT NOT NULL CHECK (json_valid(name_json)),
      mission_json TEXT NOT NULL CHECK (json_valid(mission_json)),
      instructions_json TEXT NOT NULL CHECK (json_valid(instructions_json)),
      deputies_json TEXT NOT NULL CHECK (json_valid(deputies_json)),
      calls_json TEXT NOT NULL CHECK (json_valid(calls_json)),
      on_duty INTEGER NOT NULL DEFAULT 0 CHECK (on_duty IN (0, 1)),
      shift_started_at TEXT,
      PRIMARY KEY (incident_id, role_id)
    ) STRICT;

    -- Who held each role from when to when; the open row (until_at NULL) is the current holder.
    CREATE TABLE incident_role_holders (
      id INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL,
      role_id TEXT NOT NULL,
      person_json TEXT NOT NULL CHECK (json_valid(person_json)),
      from_at TEXT NOT NULL,
      until_at TEXT,
      handed_over_by TEXT,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (incident_id, role_id) REFERENCES incident_roles (incident_id, role_id)
    ) STRICT;
    CREATE UNIQUE INDEX incident_role_current ON incident_role_holders (incident_id, role_id) WHERE until_at IS NULL;

    CREATE TABLE incident_mobilisations (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incident_mobilisations_incident ON incident_mobilisations (incident_id, started_at);

    CREATE TABLE incident_mobilisation_calls (
      mobilisation_id TEXT NOT NULL REFERENCES incident_mobilisations (id),
      role_id TEXT NOT NULL,
      person_name TEXT NOT NULL,
      phone TEXT NOT NULL,
      alerted_at TEXT NOT NULL,
      acknowledged_at TEXT,
      acknowledged_note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (mobilisation_id, role_id)
    ) STRICT;

    CREATE TABLE incident_checklist_items (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      plan_item_id TEXT,
      position INTEGER NOT NULL,
      phase TEXT NOT NULL CHECK (phase IN ('detect', 'qualify', 'mobilise', 'respond', 'recover', 'learn')),
      text_json TEXT NOT NULL CHECK (json_valid(text_json)),
      owner_role TEXT NOT NULL,
      deadline_minutes INTEGER NOT NULL CHECK (deadline_minutes >= 0),
      status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
      done_by TEXT,
      done_at TEXT,
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incident_checklist_incident ON incident_checklist_items (incident_id, position);

    CREATE TABLE incident_situation_reports (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      report_json TEXT NOT NULL CHECK (json_valid(report_json))
    ) STRICT;
    CREATE INDEX incident_situation_incident ON incident_situation_reports (incident_id, created_at);
  `,
};
