// SQL of the retention policy: which old mentions may go, and their removal with their full-text entry. Rollups
// (minute, hourly, parts, term hours) are separate tables and are never read or written here.
import type { Db } from '../../../platform/db/openDatabase';

export interface RetentionCursor {
  readonly publishedAt: string;
  readonly id: number;
}

interface Candidate extends RetentionCursor {
  readonly kept: 0 | 1;
}

/**
 * A mention is kept past the horizon when it is evidence: in an incident's scope (one of its watches, inside its
 * period; an open incident's period has no end), in the response queue in any state, answered by a statement,
 * corrected by hand (the tone model learns from it), or named by an alert's why-card or by a crisis log entry.
 */
const KEPT = `(
  EXISTS (SELECT 1 FROM response_items r WHERE r.mention_id = m.id)
  OR EXISTS (SELECT 1 FROM tone_corrections c WHERE c.mention_id = m.id)
  OR EXISTS (SELECT 1 FROM retention_named n WHERE n.id = m.id)
  OR EXISTS (SELECT 1 FROM mention_watches mw
      JOIN incident_watches iw ON iw.watch_id = mw.watch_id
      JOIN incidents i ON i.id = iw.incident_id
      WHERE mw.mention_id = m.id
        AND m.published_at >= coalesce(i.period_start, i.opened_at)
        AND (coalesce(i.period_end, i.closed_at) IS NULL OR m.published_at <= coalesce(i.period_end, i.closed_at)))
)`;

/** Every JSON path under which stored records name a mention. */
const NAMED = `
  SELECT CAST(j.value AS INTEGER) FROM alerts a, json_tree(a.explanation_json) j WHERE j.key = 'mentionId'
  UNION SELECT CAST(j.value AS INTEGER) FROM alerts a, json_tree(coalesce(a.opening_explanation_json, '{}')) j WHERE j.key = 'mentionId'
  UNION SELECT CAST(j.value AS INTEGER) FROM crisis_log l, json_tree(l.data_json) j WHERE l.data_json IS NOT NULL AND j.key = 'mentionId'
  UNION SELECT CAST(reply_to_mention_id AS INTEGER) FROM statements WHERE reply_to_mention_id IS NOT NULL`;

export class RetentionRepository {
  readonly #db: Db;
  readonly #candidates;
  readonly #unindex;
  readonly #delete;
  readonly #markPruned;

  constructor(db: Db) {
    this.#db = db;
    // A connection-local table: the named ids are gathered once per run, not once per batch.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS retention_named (id INTEGER PRIMARY KEY)');
    // Walks mentions_published in (published_at, id) order from the cursor: each batch reads only its own rows.
    this.#candidates = db.prepare<[{ horizon: string; afterAt: string; afterId: number; limit: number }], Candidate>(
      `SELECT m.published_at AS publishedAt, m.id, ${KEPT} AS kept FROM mentions m INDEXED BY mentions_published
       WHERE m.published_at < @horizon AND (m.published_at, m.id) > (@afterAt, @afterId)
       ORDER BY m.published_at, m.id LIMIT @limit`,
    );
    // External-content FTS: a row leaves the index by the 'delete' command with the values it was indexed with.
    this.#unindex = db.prepare<[number]>(
      `INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author_name)
       SELECT 'delete', id, title, text, author_name FROM mentions WHERE id = ?`,
    );
    // Watch links go by cascade.
    this.#delete = db.prepare<[number]>('DELETE FROM mentions WHERE id = ?');
    this.#markPruned = db.prepare<[string]>(
      `INSERT INTO mention_retention (id, pruned_before) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET pruned_before = max(pruned_before, excluded.pruned_before)`,
    );
  }

  /** Records that mentions published before `horizon` may be gone, so recounts start after it. */
  markPruned(horizon: string): void {
    this.#markPruned.run(horizon);
  }

  /** Refreshes the ids named by alerts, crisis log entries and statements; returns how many there are. */
  gatherNamed(): number {
    return this.#db.transaction(() => {
      this.#db.exec('DELETE FROM temp.retention_named');
      return this.#db.prepare(`INSERT OR IGNORE INTO temp.retention_named (id) ${NAMED}`).run().changes;
    })();
  }

  /**
   * One small transaction: looks at up to `limit` mentions older than `horizon` after `cursor`, deletes those that
   * are not kept. Returns how many went, how many stayed, and where the next batch starts (null when done).
   */
  pruneBatch(horizon: string, cursor: RetentionCursor, limit: number): { removed: number; kept: number; next: RetentionCursor | null } {
    return this.#db.transaction(() => {
      const rows = this.#candidates.all({ horizon, afterAt: cursor.publishedAt, afterId: cursor.id, limit });
      let removed = 0;
      for (const row of rows) {
        if (row.kept) continue;
        this.#unindex.run(row.id);
        removed += this.#delete.run(row.id).changes;
      }
      const last = rows.at(-1);
      return { removed, kept: rows.length - removed, next: rows.length < limit || !last ? null : { publishedAt: last.publishedAt, id: last.id } };
    })();
  }
}
