// SQL the incident report and exports read besides the rollups: watches, level changes, term counts, top mentions.
import type { Db } from '../../platform/db/openDatabase';
import type { ScopeWindow } from '../incidents';

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
  /** From a backtest replay of imported mentions: no live detection ran then. */
  replayed?: boolean;
}

/** More changes than this in one incident's period would be flapping; the table shows the first ones. */
const MAX_LEVEL_CHANGES = 1000;

const MENTION_COLUMNS = `m.id, m.published_at AS publishedAt, m.source_kind AS sourceKind, m.source_name AS sourceName,
  m.author_handle AS authorHandle, m.author_name AS authorName, m.author_audience AS authorAudience,
  m.author_kind AS authorKind, m.language, m.tone_class AS toneClass, m.title, m.text, m.url`;

/** The threshold of the partial index `mentions_large_audience` (migration 0011). */
const LARGE_AUDIENCE = 10_000;

/** A mention belongs to the scope when one of its watches does. */
const IN_SCOPE = `EXISTS (SELECT 1 FROM mention_watches mw WHERE mw.mention_id = m.id AND mw.watch_id IN (SELECT value FROM json_each(@watchIds)))`;

interface ScopeParams {
  watchIds: string;
  from: string;
  to: string;
}

const params = (scope: ScopeWindow): ScopeParams => ({ watchIds: JSON.stringify(scope.watchIds), from: scope.from, to: scope.to });

/** Every read of an incident's figures takes its scope: its watches and its period [from, to). */
export class ReportRepository {
  readonly #watches;
  readonly #terms;
  readonly #topByAudience;
  readonly #texts;
  readonly #topByAudienceSmall;
  readonly #countBetween;
  readonly #mentionsPage;
  readonly #publishedAt;
  readonly #responses;
  readonly #levelChanges;

  constructor(db: Db) {
    this.#watches = db.prepare<[string], { id: number; name: string; createdAt: string }>(
      'SELECT id, name, created_at AS createdAt FROM watches WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
    );
    this.#levelChanges = db.prepare<ScopeParams & { limit: number }, LevelChangeRow>(
      `SELECT c.watch_id AS watchId, w.name AS watchName, c.level, c.at FROM detection_level_changes c JOIN watches w ON w.id = c.watch_id
       WHERE c.watch_id IN (SELECT value FROM json_each(@watchIds)) AND c.at >= @from AND c.at < @to ORDER BY c.at, c.id LIMIT @limit`,
    );
    this.#terms = db.prepare<[number, number, number, number], { term: string; count: number }>(
      `SELECT term, sum(count) AS count FROM watch_term_hours WHERE watch_id = ? AND hour >= ? AND hour < ?
       GROUP BY term ORDER BY count DESC, term LIMIT ?`,
    );
    this.#texts = db.prepare<[string, string, number, number], { text: string }>(
      `SELECT m.text FROM mentions m
       WHERE m.published_at >= ? AND m.published_at < ?
         AND EXISTS (SELECT 1 FROM mention_watches w WHERE w.watch_id = ? AND w.mention_id = m.id)
       ORDER BY m.published_at DESC LIMIT ?`,
    );
    // Walks the partial index from the largest audience down (migration 0011) and stops at `limit` rows;
    // the fallback below covers periods with too few large accounts.
    // The threshold is a literal: the planner can only use a partial index when the query implies its WHERE.
    this.#topByAudience = db.prepare<ScopeParams & { limit: number }, ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m INDEXED BY mentions_large_audience
       WHERE m.author_audience >= ${LARGE_AUDIENCE} AND m.published_at >= @from AND m.published_at < @to AND ${IN_SCOPE}
       ORDER BY m.author_audience DESC LIMIT @limit`,
    );
    this.#topByAudienceSmall = db.prepare<ScopeParams & { limit: number }, ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m
       WHERE m.published_at >= @from AND m.published_at < @to AND (m.author_audience IS NULL OR m.author_audience < ${LARGE_AUDIENCE}) AND ${IN_SCOPE}
       ORDER BY m.author_audience DESC NULLS LAST LIMIT @limit`,
    );
    this.#publishedAt = db.prepare<[number], { publishedAt: string }>('SELECT published_at AS publishedAt FROM mentions WHERE id = ?');
    // The queue items of the crisis: mentions of its watches published in its period, whenever they were flagged.
    this.#responses = db.prepare<ScopeParams, ResponseItemTimes>(
      `SELECT r.reason, r.state, r.flagged_at AS flaggedAt, r.handled_at AS handledAt FROM response_items r JOIN mentions m ON m.id = r.mention_id
       WHERE m.published_at >= @from AND m.published_at < @to AND ${IN_SCOPE}`,
    );
    this.#countBetween = db.prepare<ScopeParams, { n: number }>(
      `SELECT count(*) AS n FROM mentions m WHERE m.published_at >= @from AND m.published_at < @to AND ${IN_SCOPE}`,
    );
    this.#mentionsPage = db.prepare<ScopeParams & { afterAt: string; afterId: number; limit: number }, ReportMention>(
      `SELECT ${MENTION_COLUMNS} FROM mentions m
       WHERE m.published_at < @to AND ((m.published_at > @afterAt) OR (m.published_at = @afterAt AND m.id > @afterId)) AND ${IN_SCOPE}
       ORDER BY m.published_at, m.id LIMIT @limit`,
    );
  }

  /** The scope's watches that still exist, by id. */
  watches(scope: Pick<ScopeWindow, 'watchIds'>): { id: number; name: string; createdAt: string }[] {
    return this.#watches.all(JSON.stringify(scope.watchIds));
  }

  /** Every crisis-level change of the scope's watches in its period, in time order. */
  levelChanges(scope: ScopeWindow): LevelChangeRow[] {
    return this.#levelChanges.all({ ...params(scope), limit: MAX_LEVEL_CHANGES });
  }

  topTerms(watchId: number, fromHour: number, toHour: number, limit: number): { term: string; count: number }[] {
    return this.#terms.all(watchId, fromHour, toHour, limit);
  }

  /** The text of the newest `limit` mentions of a watch in [fromIso, toIso): where terms' written forms are read. */
  recentTexts(watchId: number, fromIso: string, toIso: string, limit: number): string[] {
    return this.#texts.all(fromIso, toIso, watchId, limit).map((r) => r.text);
  }

  topByAudience(scope: ScopeWindow, limit: number): ReportMention[] {
    const large = this.#topByAudience.all({ ...params(scope), limit });
    return large.length >= limit ? large : [...large, ...this.#topByAudienceSmall.all({ ...params(scope), limit: limit - large.length })];
  }

  mentionPublishedAt(id: number): string | null {
    return this.#publishedAt.get(id)?.publishedAt ?? null;
  }

  /** Response-queue items about the scope's mentions: why, where they stand, and when they were handled. */
  responseItems(scope: ScopeWindow): ResponseItemTimes[] {
    return this.#responses.all(params(scope));
  }

  countBetween(scope: ScopeWindow): number {
    return this.#countBetween.get(params(scope))?.n ?? 0;
  }

  /** The scope's mentions in time order, keyset-paged after (publishedAt, id), for streaming exports. */
  mentionsAfter(scope: ScopeWindow, after: { publishedAt: string; id: number }, limit: number): ReportMention[] {
    return this.#mentionsPage.all({ ...params(scope), afterAt: after.publishedAt, afterId: after.id, limit });
  }
}
