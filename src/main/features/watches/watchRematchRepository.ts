// SQL for re-matching stored mentions against a new or edited watch: the mentions to read, and one transaction
// that replaces the watch's links over the window and rebuilds its rollups from them.
import type { Db } from '../../platform/db/openDatabase';

export interface StoredMatchable {
  id: number;
  sourceId: number;
  language: string | null;
  text: string;
  title: string | null;
  authorHandle: string | null;
}

export class WatchRematchRepository {
  readonly #maxId;
  readonly #page;
  readonly #unlink;
  readonly #link;
  readonly #dropRollups;
  readonly #dropParts;
  readonly #rollups;
  readonly #parts;

  constructor(private readonly db: Db) {
    this.#maxId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM mentions');
    this.#page = db.prepare<[number, number, string, number], StoredMatchable>(
      `SELECT id, source_id AS sourceId, language, text, title, author_handle AS authorHandle FROM mentions
       WHERE id > ? AND id <= ? AND published_at >= ? ORDER BY id LIMIT ?`,
    );
    this.#unlink = db.prepare<[number, string, number]>(
      `DELETE FROM mention_watches WHERE watch_id = ?
         AND mention_id IN (SELECT id FROM mentions WHERE published_at >= ? AND id <= ?)`,
    );
    this.#link = db.prepare<[number, number]>('INSERT OR IGNORE INTO mention_watches (watch_id, mention_id) VALUES (?, ?)');
    // The hourly rollups follow through their triggers.
    this.#dropRollups = db.prepare<[number, number]>('DELETE FROM mention_rollups WHERE watch_id = ? AND minute >= ?');
    this.#dropParts = db.prepare<[number, number]>('DELETE FROM mention_rollup_parts WHERE watch_id = ? AND minute >= ?');
    const minute = "CAST(strftime('%s', m.published_at) AS INTEGER) / 60";
    this.#rollups = db.prepare<[{ watchId: number; fromIso: string }]>(
      `INSERT INTO mention_rollups (watch_id, minute, count, negative, neutral, positive, audience)
       SELECT @watchId, ${minute} AS minute, count(*), sum(m.tone_class = 'negative'), sum(m.tone_class = 'neutral'),
              sum(m.tone_class = 'positive'), coalesce(sum(m.author_audience), 0)
       FROM mention_watches w JOIN mentions m ON m.id = w.mention_id
       WHERE w.watch_id = @watchId AND m.published_at >= @fromIso GROUP BY minute`,
    );
    this.#parts = db.prepare<[{ watchId: number; fromIso: string }]>(
      `INSERT INTO mention_rollup_parts (watch_id, minute, dimension, value, count)
       SELECT @watchId, minute, dimension, value, count(*) FROM (
         SELECT ${minute} AS minute, 'lang' AS dimension, coalesce(m.language, 'und') AS value
         FROM mention_watches w JOIN mentions m ON m.id = w.mention_id WHERE w.watch_id = @watchId AND m.published_at >= @fromIso
         UNION ALL
         SELECT ${minute}, 'source', m.source_kind
         FROM mention_watches w JOIN mentions m ON m.id = w.mention_id WHERE w.watch_id = @watchId AND m.published_at >= @fromIso)
       GROUP BY minute, dimension, value`,
    );
  }

  maxMentionId(): number {
    return this.#maxId.get()?.id ?? 0;
  }

  /** Mentions published since `fromIso` with ids in (afterId, maxId], in id order. */
  page(afterId: number, maxId: number, fromIso: string, limit: number): StoredMatchable[] {
    return this.#page.all(afterId, maxId, fromIso, limit);
  }

  /**
   * The watch now holds exactly `mentionIds` among the mentions published since `fromMinute` with ids up to
   * `maxId` (later ones were matched by ingestion already), and its rollups from `fromMinute` are rebuilt.
   */
  replace(watchId: number, fromMinute: number, maxId: number, mentionIds: readonly number[]): void {
    const fromIso = new Date(fromMinute * 60_000).toISOString();
    this.db.transaction(() => {
      this.#unlink.run(watchId, fromIso, maxId);
      for (const id of mentionIds) this.#link.run(watchId, id);
      this.#dropRollups.run(watchId, fromMinute);
      this.#dropParts.run(watchId, fromMinute);
      this.#rollups.run({ watchId, fromIso });
      this.#parts.run({ watchId, fromIso });
    })();
  }
}
