// The crisis log (main courante): one append-only, hash-chained table per workspace.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'crisis_log',
  sql: `
    CREATE TABLE crisis_log (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      -- 'entry' is a log entry; 'verification' and 'pin' record a change to the entry named by ref_id,
      -- because entries are never edited in place.
      record TEXT NOT NULL CHECK (record IN ('entry', 'verification', 'pin')),
      incident_id TEXT,
      kind TEXT CHECK (kind IN ('information', 'decision', 'action', 'communication', 'handover', 'system')),
      occurred_at TEXT NOT NULL,
      entered_at TEXT NOT NULL,
      author TEXT NOT NULL,
      author_role TEXT,
      body TEXT NOT NULL,
      source TEXT,
      verification TEXT CHECK (verification IN ('to_verify', 'being_verified', 'verified', 'released')),
      pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
      ref_id TEXT REFERENCES crisis_log (id),
      system_code TEXT,
      data_json TEXT CHECK (data_json IS NULL OR json_valid(data_json)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE,
      CHECK ((record = 'entry') = (kind IS NOT NULL))
    ) STRICT;
    CREATE INDEX crisis_log_incident ON crisis_log (incident_id, seq);
    CREATE INDEX crisis_log_ref ON crisis_log (ref_id) WHERE ref_id IS NOT NULL;

    CREATE VIRTUAL TABLE crisis_log_fts USING fts5(
      body, source, author,
      content = 'crisis_log', content_rowid = 'seq',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER crisis_log_fts_insert AFTER INSERT ON crisis_log BEGIN
      INSERT INTO crisis_log_fts (rowid, body, source, author)
      VALUES (new.seq, new.body, coalesce(new.source, ''), new.author);
    END;

    -- A first barrier only: whoever can drop these triggers can edit rows, which the hash chain then reveals.
    CREATE TRIGGER crisis_log_no_update BEFORE UPDATE ON crisis_log BEGIN
      SELECT RAISE(ABORT, 'crisis log entries are never edited: append a correction');
    END;
    CREATE TRIGGER crisis_log_no_delete BEFORE DELETE ON crisis_log BEGIN
      SELECT RAISE(ABORT, 'crisis log entries are never deleted');
    END;
  `,
};
