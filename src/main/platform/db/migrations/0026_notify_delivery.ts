// Alerts sent outside the app: channel settings, the mobilisations whose escalation Tocsin drives, and a durable
// delivery queue whose rows keep their identity (Message-ID, idempotency key) across retries and restarts.
// Mobilisations made before this were phone lists only: they are recorded as such and never messaged.
import type { Migration } from './types';

export const migration0026: Migration = {
  version: 26,
  name: 'notify_delivery',
  sql: `
    CREATE TABLE notify_settings (
      channel TEXT PRIMARY KEY CHECK (channel IN ('email', 'sms', 'messenger')),
      config_json TEXT NOT NULL CHECK (json_valid(config_json)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE notify_mobilisations (
      mobilisation_id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('vigilance', 'alert', 'crisis', 'none')),
      started_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO notify_mobilisations (mobilisation_id, incident_id, level, started_at)
      SELECT id, incident_id, 'none', started_at FROM incident_mobilisations;
    CREATE TABLE notify_messages (
      id TEXT PRIMARY KEY,
      dedupe_key TEXT NOT NULL UNIQUE,
      incident_id TEXT NOT NULL,
      mobilisation_id TEXT NOT NULL REFERENCES notify_mobilisations(mobilisation_id),
      role_id TEXT NOT NULL,
      stage TEXT NOT NULL CHECK (stage IN ('first', 'deputy', 'callTree', 'crisisLead')),
      person_name TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'messenger', 'none')),
      address TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      values_json TEXT NOT NULL CHECK (json_valid(values_json)),
      status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      reason_json TEXT CHECK (reason_json IS NULL OR json_valid(reason_json)),
      message_id TEXT NOT NULL UNIQUE,
      provider_reply TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT,
      delivered_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notify_messages_due ON notify_messages (status, next_attempt_at);
    CREATE INDEX notify_messages_incident ON notify_messages (incident_id, created_at);
  `,
};
