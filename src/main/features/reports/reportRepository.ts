// SQL the incident report and exports read besides the rollups: watches, level changes, term counts, top mentions.
import type { Db } from '../../platform/db/openDatabase';

export interface ReportMention {
  id: number;
  publishedAt: string;
  sourceKind: string;
  sourceName: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorAudience: number | null;
  authorKind: string;
  language: string | null;
  toneClass: string | null;
  title: string | null;
  text: string;
  url: string | null;
}

export interface ResponseItemTimes {
  reason: string;
  state: string;
  flaggedAt: string;
  handledAt: string | null;
}

export interface LevelChangeRow {
  watchId: number;
  watchName: string;
  level: string;
  at: string;
}

/** More changes than this in one report window would be flapping; the table shows the first ones. */
const MAX_LEVEL_CHANGES = 1000;

const MENTION_COLUMNS = `m.id, m.published_at AS publishedAt, m.source_kind AS sourceKind, m.source_name AS sourceName,
  m.author_handle AS authorHandle, m.author_name AS authorName, m.author_audience AS authorAudience,
  m.author_kind AS authorKind, m.language, m.tone_class AS toneClass, m.title, m.text, m.url`;

/** The threshold of the partial index `mentions_large_audience` (migration 0011). */
const LARGE_AUDIENCE = 10_000;

export class ReportRepository {
  readonly #watches;
  readonly #terms;
  readonly #topByAudience;
  readonly #topByAudienceSmall;
  readonly #countBetween;
  readonly #mentionsPage;
  readonly #publishedAt;
  readonly #responses;
  readonly #levelChanges;

  constructor(db: Db) {
    this.#watches = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM watches ORDER BY id');
    this.#levelChanges = db.prepare<[string, string, number], LevelChangeRow>(
      `SELECT c.watch_id AS watchId, w.name AS watchName, c.level, c.at FROM detection_level_changes c JOIN watches w ON w.id = c.watch_id
       WHERE c.at >= ? AND c.at < ? ORDER BY c.at, c.id LIMIT ?`,
    );
    this.#terms = db.prepare<[number, number, number, number], { term: string; count: number }>(
      `SELECT term, sum(count) AS count FROM watch_term_hours WHERE watch_id = ? AND hour >= ? AND hour < ?
       GROUP BY term ORDER BY count DESC, term LIMIT ?`,
    );
    // Walks the partial index from the largest audience down (migration 0011) and stops at `limit` rows;
    // the fallback below covers periods with too few large accounts.
    // The threshold is a literal: the planner can only use a partial index when the query implies its WHERE.
    this.#topByAudience = db.prepare<[string, string, number], ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m INDEXED BY mentions_large_audience
       WHERE m.author_audience >= ${LARGE_AUDIENCE} AND m.published_at >= ? AND m.published_at < ?
       ORDER BY m.author_audience DESC LIMIT ?`,
    );
    this.#topByAudienceSmall = db.prepare<[string, string, number, number], ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m
       WHERE m.published_at >= ? AND m.published_at < ? AND m.author_audience < ?
       ORDER BY m.author_audience DESC LIMIT ?`,
    );
    this.#publishedAt = db.prepare<[number], { publishedAt: string }>('SELECT published_at AS publishedAt FROM mentions WHERE id = ?');
    this.#responses = db.prepare<[string, string], ResponseItemTimes>(
      `SELECT reason, state, flagged_at AS flaggedAt, handled_at AS handledAt FROM response_items
       WHERE flagged_at >= ? AND flagged_at < ?`,
    );
    this.#countBetween = db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM mentions WHERE published_at >= ? AND published_at < ?',
    );
    this.#mentionsPage = db.prepare<[string, string, string, number, number], ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m
       WHERE m.published_at < ? AND ((m.published_at > ?) OR (m.published_at = ? AND m.id > ?))
       ORDER BY m.published_at, m.id LIMIT ?`,
    );
  }

  watches(): { id: number; name: string }[] {
    return this.#watches.all();
  }

  /** Every crisis-level change of every watch in [fromIso, toIso), in time order. */
  levelChanges(fromIso: string, toIso: string): LevelChangeRow[] {
    return this.#levelChanges.all(fromIso, toIso, MAX_LEVEL_CHANGES);
  }

  topTerms(watchId: number, fromHour: number, toHour: number, limit: number): { term: string; count: number }[] {
    return this.#terms.all(watchId, fromHour, toHour, limit);
  }

  topByAudience(fromIso: string, toIso: string, limit: number): ReportMention[] {
    const large = this.#topByAudience.all(fromIso, toIso, limit);
    return large.length >= limit ? large : [...large, ...this.#topByAudienceSmall.all(fromIso, toIso, LARGE_AUDIENCE, limit - large.length)];
  }

  mentionPublishedAt(id: number): string | null {
    return this.#publishedAt.get(id)?.publishedAt ?? null;
  }

  /** Response-queue items flagged in [from, to): why, where they stand, and when they were handled. */
  responseItems(fromIso: string, toIso: string): ResponseItemTimes[] {
    return this.#responses.all(fromIso, toIso);
  }

  countBetween(fromIso: string, toIso: string): number {
    return this.#countBetween.get(fromIso, toIso)?.n ?? 0;
  }

  /** Mentions in [from, to) in time order, keyset-paged after (publishedAt, id), for streaming exports. */
  mentionsAfter(toIso: string, after: { publishedAt: string; id: number }, limit: number): ReportMention[] {
    return this.#mentionsPage.all(toIso, after.publishedAt, after.publishedAt, after.id, limit);
  }
}
