// SQL for re-matching stored mentions against a new or edited watch: the mentions to read, and one transaction
// that replaces the watch's links over the window and rebuilds its rollups from them.
import type { Db } from '../../platform/db/openDatabase';
import { RollupRepository } from '../mentions';

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
  readonly #rollups;

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
    this.#link = db.prepare<[number, number]>(
      'INSERT OR IGNORE INTO mention_watches (watch_id, mention_id, published_at) SELECT ?, id, published_at FROM mentions WHERE id = ?',
    );
    this.#rollups = new RollupRepository(db);
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
      this.#rollups.rebuild(watchId, fromMinute);
    })();
  }
}
