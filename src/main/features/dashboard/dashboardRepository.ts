// SQL the dashboard reads besides the rollups (those are the mentions' rollups module): terms, authors, markers.
import type { Db } from '../../platform/db/openDatabase';

export interface AuthorRow {
  name: string;
  handle: string | null;
  audience: number;
  kind: string;
  mentions: number;
}

export interface AlertSpan {
  id: number;
  level: string;
  openedAt: string;
  closedAt: string | null;
}

export interface LevelChange {
  level: string;
  at: string;
}

export interface PublicationRow {
  statementId: string;
  title: string;
  publishedAt: string;
  channels: string;
}

/** Exported so the index-use test explains exactly what runs. */
export const DASHBOARD_SQL = {
  terms: `SELECT term, sum(count) AS count FROM watch_term_hours WHERE watch_id = ? AND hour >= ? AND hour < ?
       GROUP BY term ORDER BY count DESC, term LIMIT ?`,
  // Both walk the watch's links newest first by their own index (watch, published_at): a quiet watch reads its own
  // newest posts instead of every mention of the range checked one by one for the watch (0.25–1.4 s at 200,000).
  authors: `SELECT name, handle, max(audience) AS audience, kind, count(*) AS mentions FROM (
         SELECT coalesce(m.author_name, m.author_handle) AS name, m.author_handle AS handle, m.author_audience AS audience,
                m.author_kind AS kind
         FROM mention_watches w INDEXED BY mention_watches_stream JOIN mentions m ON m.id = w.mention_id
         WHERE w.watch_id = ? AND w.published_at >= ? AND w.published_at < ? AND m.author_audience > 0
           AND coalesce(m.author_name, m.author_handle) IS NOT NULL
         ORDER BY w.published_at DESC LIMIT ?)
       GROUP BY coalesce(handle, name) ORDER BY audience DESC, mentions DESC LIMIT ?`,
  // The newest posts of the range: where the terms' written forms are read (the hourly counts keep only keys).
  texts: `SELECT m.text FROM mention_watches w INDEXED BY mention_watches_stream JOIN mentions m ON m.id = w.mention_id
       WHERE w.watch_id = ? AND w.published_at >= ? AND w.published_at < ?
       ORDER BY w.published_at DESC LIMIT ?`,
  alerts: `SELECT id, level, opened_at AS openedAt, closed_at AS closedAt FROM alerts
       WHERE watch_id = ? AND opened_at < ? AND (closed_at IS NULL OR closed_at >= ?) ORDER BY opened_at`,
  // The level in force when the range starts, then every change inside it.
  levelChanges: `SELECT level, at FROM (SELECT level, at FROM detection_level_changes WHERE watch_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1)
       UNION ALL
       SELECT level, at FROM (SELECT level, at FROM detection_level_changes WHERE watch_id = ? AND at > ? AND at < ? ORDER BY at, id)`,
  sourceNames: 'SELECT id, name FROM sources',
  watchCreatedAt: `SELECT created_at AS createdAt FROM watches WHERE id = ?`,
  publications: `SELECT s.id AS statementId, s.title, min(o.published_at) AS publishedAt, group_concat(DISTINCT o.channel) AS channels
       FROM outbox o JOIN statements s ON s.id = o.statement_id
       WHERE o.state = 'published' AND o.published_at >= ? AND o.published_at < ?
       GROUP BY s.id ORDER BY publishedAt`,
} as const;

export class DashboardRepository {
  readonly #terms;
  readonly #authors;
  readonly #texts;
  readonly #sourceNames;
  readonly #alerts;
  readonly #levelChanges;
  readonly #publications;
  readonly #watchCreatedAt;

  constructor(db: Db) {
    this.#terms = db.prepare<[number, number, number, number], { term: string; count: number }>(DASHBOARD_SQL.terms);
    // Newest mentions of the range first, capped, so a month of a busy watch stays a bounded read.
    this.#authors = db.prepare<[number, string, string, number, number], AuthorRow>(DASHBOARD_SQL.authors);
    this.#sourceNames = db.prepare<[], { id: number; name: string }>(DASHBOARD_SQL.sourceNames);
    this.#texts = db.prepare<[number, string, string, number], { text: string }>(DASHBOARD_SQL.texts);
    this.#alerts = db.prepare<[number, string, string], AlertSpan>(DASHBOARD_SQL.alerts);
    this.#levelChanges = db.prepare<[number, string, number, string, string], LevelChange>(DASHBOARD_SQL.levelChanges);
    this.#publications = db.prepare<[string, string], PublicationRow>(DASHBOARD_SQL.publications);
    this.#watchCreatedAt = db.prepare<[number], { createdAt: string }>(DASHBOARD_SQL.watchCreatedAt);
  }

  topTerms(watchId: number, fromHour: number, toHour: number, limit: number): Array<{ term: string; count: number }> {
    return this.#terms.all(watchId, fromHour, toHour, limit);
  }

  topAuthors(watchId: number, fromIso: string, toIso: string, scanLimit: number, limit: number): AuthorRow[] {
    return this.#authors.all(watchId, fromIso, toIso, scanLimit, limit);
  }

  /** The text of the range's newest `limit` mentions of the watch. */
  recentTexts(watchId: number, fromIso: string, toIso: string, limit: number): string[] {
    return this.#texts.all(watchId, fromIso, toIso, limit).map((r) => r.text);
  }

  /** Every source's name as the user gave it, by id (the rollups count sources by id). */
  sourceNames(): Map<string, string> {
    return new Map(this.#sourceNames.all().map((r) => [String(r.id), r.name]));
  }

  alertSpans(watchId: number, fromIso: string, toIso: string): AlertSpan[] {
    return this.#alerts.all(watchId, toIso, fromIso);
  }

  /** The level in force at `fromIso` (when known), then each change before `toIso`, in time order. */
  levelChanges(watchId: number, fromIso: string, toIso: string): LevelChange[] {
    return this.#levelChanges.all(watchId, fromIso, watchId, fromIso, toIso);
  }

  /** When the watch was created: live detection has run for it since then, not before. */
  watchCreatedAt(watchId: number): string | null {
    return this.#watchCreatedAt.get(watchId)?.createdAt ?? null;
  }

  publications(fromIso: string, toIso: string): PublicationRow[] {
    return this.#publications.all(fromIso, toIso);
  }
}
