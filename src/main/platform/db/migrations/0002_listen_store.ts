// Listening: watches, sources with their health, mentions with FTS and per-minute rollups per watch.
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'listen_store',
  sql: `
    CREATE TABLE watches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      keywords_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords_json)),
      exclusions_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclusions_json)),
      languages_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages_json)),
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      config_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config_json)),
      -- Secrets stay in the workspace database, which is encrypted at rest; never sent to the renderer.
      credentials_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(credentials_json)),
      interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
      paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
      cursor_json TEXT CHECK (cursor_json IS NULL OR json_valid(cursor_json)),
      last_attempt_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- A watch limited to some sources only counts mentions from them; a watch without rows here takes all sources.
    CREATE TABLE watch_sources (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      PRIMARY KEY (watch_id, source_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE mentions (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      source_kind TEXT NOT NULL,
      external_id TEXT NOT NULL,
      canonical_url TEXT,
      url TEXT,
      author_handle TEXT,
      author_name TEXT,
      author_audience INTEGER,
      author_kind TEXT NOT NULL DEFAULT 'unknown',
      source_name TEXT,
      title TEXT,
      text TEXT NOT NULL,
      raw TEXT NOT NULL,
      language TEXT,
      published_at TEXT NOT NULL,
      fetched_at TEXT NOT NULL,
      likes INTEGER,
      shares INTEGER,
      replies INTEGER,
      reply_to_external_id TEXT,
      tone_class TEXT CHECK (tone_class IS NULL OR tone_class IN ('negative', 'neutral', 'positive')),
      tone_score REAL,
      tone_corrected INTEGER NOT NULL DEFAULT 0 CHECK (tone_corrected IN (0, 1)),
      UNIQUE (source_id, external_id)
    ) STRICT;
    CREATE UNIQUE INDEX mentions_canonical_url ON mentions (canonical_url) WHERE canonical_url IS NOT NULL;
    CREATE INDEX mentions_published ON mentions (published_at);
    CREATE INDEX mentions_source_fetched ON mentions (source_id, fetched_at);

    CREATE TABLE mention_watches (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      PRIMARY KEY (watch_id, mention_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX mention_watches_mention ON mention_watches (mention_id);

    -- Kept up to date by the ingestion transaction itself: a trigger measured 3-4x slower on bulk loads.
    CREATE VIRTUAL TABLE mentions_fts USING fts5 (
      title, text, author_name,
      content = 'mentions', content_rowid = 'id',
      tokenize = "unicode61 remove_diacritics 2",
      -- The stream is ordered by time, never by bm25 rank: no per-row size table to maintain.
      columnsize = 0
    );

    -- Charts read these, never the raw mentions. minute = unix epoch minutes of published_at.
    CREATE TABLE mention_rollups (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      minute INTEGER NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      negative INTEGER NOT NULL DEFAULT 0,
      neutral INTEGER NOT NULL DEFAULT 0,
      positive INTEGER NOT NULL DEFAULT 0,
      audience INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (watch_id, minute)
    ) STRICT, WITHOUT ROWID;

    -- Breakdown of the same minutes by language ('lang') and by source kind ('source').
    CREATE TABLE mention_rollup_parts (
      watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
      minute INTEGER NOT NULL,
      dimension TEXT NOT NULL CHECK (dimension IN ('lang', 'source')),
      value TEXT NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (watch_id, minute, dimension, value)
    ) STRICT, WITHOUT ROWID;

    -- Standard Webhooks deliveries already accepted, so a retried delivery adds nothing.
    CREATE TABLE webhook_deliveries (
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      delivery_id TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (source_id, delivery_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
