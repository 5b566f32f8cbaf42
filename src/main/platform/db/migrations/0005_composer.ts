// Composer: statements with FR/EN twins and channel variants, approvals bound to a content hash, the outbox,
// publishing accounts, and the campaign freeze register.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'composer',
  sql: `
    -- incident_id has no foreign key: incidents live in another feature's table and a statement must never be
    -- lost because of how that table evolves.
    CREATE TABLE statements (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('holding', 'update', 'apology', 'faq', 'press_release', 'internal_memo',
        'customer_service_script', 'reply')),
      title TEXT NOT NULL,
      text_fr TEXT NOT NULL,
      text_en TEXT NOT NULL,
      channels_json TEXT NOT NULL CHECK (json_valid(channels_json)),
      variants_json TEXT NOT NULL CHECK (json_valid(variants_json)),
      template_id TEXT,
      reply_to_mention_id TEXT,
      revision INTEGER NOT NULL DEFAULT 1,
      content_hash TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX statements_incident ON statements (incident_id, created_at);

    -- Decisions are appended, never edited: an edit reopens approval because the content hash no longer matches.
    CREATE TABLE statement_decisions (
      seq INTEGER PRIMARY KEY,
      statement_id TEXT NOT NULL REFERENCES statements (id),
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
      person TEXT NOT NULL,
      role TEXT NOT NULL,
      reason TEXT,
      content_hash TEXT NOT NULL,
      snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json)),
      decided_at TEXT NOT NULL,
      CHECK (decision = 'approved' OR length(trim(coalesce(reason, ''))) > 0)
    ) STRICT;
    CREATE INDEX statement_decisions_statement ON statement_decisions (statement_id, seq);

    -- One row per statement, channel and language. Each post of a thread has its own idempotency key
    -- (idempotency_key || '-' || part index); progress is kept per part so a restart resumes mid-thread.
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      statement_id TEXT NOT NULL REFERENCES statements (id),
      channel TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      parts_json TEXT NOT NULL CHECK (json_valid(parts_json)),
      content_hash TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'published', 'failed', 'manual', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      posted_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(posted_json)),
      url TEXT,
      published_at TEXT,
      confirmed_by TEXT,
      queued_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (statement_id, channel, language, content_hash)
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

    CREATE TABLE publish_accounts (
      channel TEXT PRIMARY KEY CHECK (channel IN ('mastodon', 'bluesky')),
      config_json TEXT NOT NULL CHECK (json_valid(config_json)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE campaigns (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      channel TEXT NOT NULL,
      owner TEXT NOT NULL,
      scheduled_at TEXT,
      frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE campaign_freezes (
      seq INTEGER PRIMARY KEY,
      campaign_id TEXT NOT NULL REFERENCES campaigns (id),
      action TEXT NOT NULL CHECK (action IN ('freeze', 'unfreeze')),
      person TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      at TEXT NOT NULL
    ) STRICT;
  `,
};
