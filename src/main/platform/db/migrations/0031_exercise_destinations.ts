// Exercises reach their own test destinations, never the roster's contacts; regulatory reminders join the delivery
// queue. A reminder belongs to a clock, not a mobilisation, so the queue's rows no longer all name one, and gain
// the `reminder` stage. SQLite cannot change a CHECK in place: the queue is rebuilt with its rows and identities.
import type { Migration } from './types';

export const migration0031: Migration = {
  version: 31,
  name: 'exercise_destinations',
  sql: `
    CREATE TABLE notify_test_destinations (
      person TEXT PRIMARY KEY,
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      messenger TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE notify_messages_next (
      id TEXT PRIMARY KEY,
      dedupe_key TEXT NOT NULL UNIQUE,
      incident_id TEXT NOT NULL,
      mobilisation_id TEXT REFERENCES notify_mobilisations(mobilisation_id),
      role_id TEXT NOT NULL,
      stage TEXT NOT NULL CHECK (stage IN ('first', 'deputy', 'callTree', 'crisisLead', 'reminder')),
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
      updated_at TEXT NOT NULL,
      CHECK ((stage = 'reminder') = (mobilisation_id IS NULL))
    ) STRICT;
    INSERT INTO notify_messages_next SELECT * FROM notify_messages ORDER BY rowid;
    DROP TABLE notify_messages;
    ALTER TABLE notify_messages_next RENAME TO notify_messages;
    CREATE INDEX notify_messages_due ON notify_messages (status, next_attempt_at);
    CREATE INDEX notify_messages_incident ON notify_messages (incident_id, created_at);
  `,
};
