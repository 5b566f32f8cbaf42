// SQL for the response queue, read together with the mention each item is about.
import type { Db } from '../../platform/db/openDatabase';

/** Who flagged what the triage rules put in the queue (people are named). */
export const RULES_FLAGGER = 'rules';

export interface MentionForTriage {
  readonly id: number;
  readonly text: string;
  readonly title: string | null;
  readonly authorKind: string;
  /** Matched a watch that follows declared staff accounts. */
  readonly staff: boolean;
}

export interface ResponseRow {
  readonly mentionId: number;
  readonly reason: string;
  readonly flaggedBy: string;
  readonly flaggedAt: string;
  readonly assignedRole: string | null;
  readonly state: string;
  readonly statementId: string | null;
  readonly note: string | null;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly authorName: string | null;
  readonly authorHandle: string | null;
  readonly authorKind: string;
  readonly authorAudience: number | null;
  readonly sourceKind: string;
  readonly publishedAt: string;
  readonly language: string | null;
}

/** An item's own columns, as the cell's operations decide them. */
export interface SharedItemRow {
  readonly mentionId: number;
  readonly reason: string;
  readonly flaggedBy: string;
  readonly flaggedAt: string;
  readonly assignedRole: string | null;
  readonly state: string;
  readonly statementId: string | null;
  readonly note: string | null;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
}

/** An incident's watches and period [from, to). */
export interface QueueScope {
  readonly watchIds: readonly number[];
  readonly from: string;
  readonly to: string;
}

interface QueueScopeParams {
  watchIds: string;
  from: string;
  to: string;
}

const scopeParams = (scope: QueueScope): QueueScopeParams => ({ watchIds: JSON.stringify(scope.watchIds), from: scope.from, to: scope.to });

interface PageParams {
  states: string;
  reasons: string;
  flaggedBy: string | null;
  limit: number;
  audience: number;
  flaggedAt: string;
  mentionId: number;
}

export interface PageQuery {
  readonly states: readonly string[];
  readonly reasons: readonly string[];
  readonly flaggedBy: 'rules' | 'people' | null;
  readonly limit: number;
  readonly scope?: QueueScope;
  readonly after?: { audience: number; flaggedAt: string; mentionId: number };
}

/** Before the first item of any queue: above every audience, flag time and id. */
const START = { audience: Number.MAX_SAFE_INTEGER, flaggedAt: '9999-12-31T23:59:59.999Z', mentionId: Number.MAX_SAFE_INTEGER };

// The queue's order as one descending key, so a page is "the next `limit` rows below the cursor" (keyset). The
// audience is the item's copy of its mention's (-1 when unknown), indexed with the state.
const AFTER = `(r.audience, r.flagged_at, r.mention_id) < (@audience, @flaggedAt, @mentionId)`;
const REASONS = `r.reason IN (SELECT value FROM json_each(@reasons))
  AND (@flaggedBy IS NULL OR (@flaggedBy = 'rules') = (r.flagged_by = '${RULES_FLAGGER}'))`;
const ORDER = 'ORDER BY r.audience DESC, r.flagged_at DESC, r.mention_id DESC LIMIT @limit';

const SELECT = `SELECT r.mention_id AS mentionId, r.reason, r.flagged_by AS flaggedBy, r.flagged_at AS flaggedAt,
    r.assigned_role AS assignedRole, r.state, r.statement_id AS statementId, r.note, r.handled_by AS handledBy,
    r.handled_at AS handledAt, m.text, m.title, m.url, m.author_name AS authorName, m.author_handle AS authorHandle,
    m.author_kind AS authorKind, m.author_audience AS authorAudience, m.source_kind AS sourceKind,
    m.published_at AS publishedAt, m.language
  FROM response_items r JOIN mentions m ON m.id = r.mention_id`;

export class ResponseQueueRepository {
  readonly #mentions;
  readonly #mentionExists;
  readonly #flag;
  readonly #list;
  readonly #get;
  readonly #assign;
  readonly #link;
  readonly #close;
  readonly #answered;
  readonly #counts;
  readonly #scopedList;
  readonly #scopedCounts;
  readonly #keyParts;
  readonly #byUrl;
  readonly #bySource;
  readonly #byStatement;
  readonly #upsert;
  readonly #touched;

  constructor(private readonly db: Db) {
    // An incident's queue: mentions of its watches published in its period, however long ago they were flagged. Read
    // from the watches' links over the period (indexed by watch and time), never by joining every waiting item to its
    // mention: that cost 1.7 s per page with 55,000 waiting items.
    const inScope = `r.mention_id IN (SELECT mw.mention_id FROM mention_watches mw INDEXED BY mention_watches_stream
      WHERE mw.watch_id IN (SELECT value FROM json_each(@watchIds)) AND mw.published_at >= @from AND mw.published_at < @to)`;
    // The page is chosen on the item's own indexed columns, then only its rows are joined to their mentions: joining
    // every waiting item to its mention to sort them made a page cost the size of the queue.
    const pageOf = (from: string, where: string) =>
      `${SELECT} WHERE r.mention_id IN (SELECT r.mention_id FROM ${from} WHERE ${where} ${ORDER})
       ${ORDER.replace(' LIMIT @limit', '')}`;
    this.#scopedList = db.prepare<QueueScopeParams & PageParams, ResponseRow>(
      pageOf('response_items r', `r.state IN (SELECT value FROM json_each(@states)) AND ${REASONS} AND ${inScope} AND ${AFTER}`),
    );
    this.#scopedCounts = db.prepare<QueueScopeParams, { state: string; n: number }>(
      `SELECT r.state, count(*) AS n FROM response_items r WHERE ${inScope} GROUP BY r.state`,
    );
    this.#mentions = db.prepare<[string], Omit<MentionForTriage, 'staff'> & { staff: number }>(
      `SELECT m.id, m.text, m.title, m.author_kind AS authorKind,
         EXISTS (SELECT 1 FROM mention_watches mw JOIN watches w ON w.id = mw.watch_id
                 WHERE mw.mention_id = m.id AND w.authors_json <> '[]') AS staff
       FROM mentions m WHERE m.id IN (SELECT value FROM json_each(?))`,
    );
    this.#mentionExists = db.prepare<[number], { id: number }>('SELECT id FROM mentions WHERE id = ?');
    this.#flag = db.prepare<[string, string, string | null, string, number]>(
      `INSERT INTO response_items (mention_id, reason, flagged_by, assigned_role, state, flagged_at, audience)
       SELECT id, ?, ?, ?, 'open', ?, coalesce(author_audience, -1) FROM mentions WHERE id = ?
       ON CONFLICT (mention_id) DO NOTHING`,
    );
    this.#list = db.prepare<PageParams, ResponseRow>(pageOf('response_items r', `r.state IN (SELECT value FROM json_each(@states)) AND ${REASONS} AND ${AFTER}`));
    this.#get = db.prepare<[number], ResponseRow>(`${SELECT} WHERE r.mention_id = ?`);
    this.#assign = db.prepare<[string | null, number]>('UPDATE response_items SET assigned_role = ? WHERE mention_id = ?');
    this.#link = db.prepare<[string, number]>(
      `UPDATE response_items SET statement_id = ?, state = 'replying' WHERE mention_id = ? AND state IN ('open', 'replying')`,
    );
    this.#close = db.prepare<[string, string, string, string, number]>(
      `UPDATE response_items SET state = ?, note = ?, handled_by = ?, handled_at = ? WHERE mention_id = ? AND state IN ('open', 'replying')`,
    );
    this.#answered = db.prepare<[string, string]>(
      `UPDATE response_items SET state = 'answered', handled_at = ? WHERE statement_id = ? AND state = 'replying'`,
    );
    this.#counts = db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM response_items GROUP BY state');
    this.#keyParts = db.prepare<[number], { canonicalUrl: string | null; uid: string | null; externalId: string }>(
      `SELECT m.canonical_url AS canonicalUrl, cs.uid, m.external_id AS externalId
       FROM mentions m LEFT JOIN cell_sources cs ON cs.source_id = m.source_id WHERE m.id = ?`,
    );
    this.#byUrl = db.prepare<[string], number>('SELECT id FROM mentions WHERE canonical_url = ?').pluck();
    this.#bySource = db.prepare<[string, string], number>(
      'SELECT m.id FROM mentions m JOIN cell_sources cs ON cs.source_id = m.source_id WHERE cs.uid = ? AND m.external_id = ?',
    ).pluck();
    this.#byStatement = db.prepare<[string], number>("SELECT mention_id FROM response_items WHERE statement_id = ? AND state = 'replying'").pluck();
    this.#upsert = db.prepare<SharedItemRow>(
      `INSERT INTO response_items (mention_id, reason, flagged_by, flagged_at, assigned_role, state, statement_id, note, handled_by, handled_at, audience)
       SELECT id, @reason, @flaggedBy, @flaggedAt, @assignedRole, @state, @statementId, @note, @handledBy, @handledAt, coalesce(author_audience, -1)
       FROM mentions WHERE id = @mentionId
       ON CONFLICT (mention_id) DO UPDATE SET reason = excluded.reason, flagged_by = excluded.flagged_by, flagged_at = excluded.flagged_at,
         assigned_role = excluded.assigned_role, state = excluded.state, statement_id = excluded.statement_id, note = excluded.note,
         handled_by = excluded.handled_by, handled_at = excluded.handled_at`,
    );
    this.#touched = db.prepare<[string], number>("SELECT mention_id FROM response_items WHERE flagged_by <> ? OR state <> 'open' OR statement_id IS NOT NULL OR assigned_role IS NOT NULL").pluck();
  }

  /**
   * The mention's name in the cell, the same on every laptop: its canonical URL (the key of cross-source dedupe), else
   * its cell source and id there; null for a mention of a source the cell does not know.
   */
  mentionKey(mentionId: number): string | null {
    const parts = this.#keyParts.get(mentionId);
    if (!parts) return null;
    if (parts.canonicalUrl) return `url:${parts.canonicalUrl}`;
    return parts.uid ? `src:${parts.uid}:${parts.externalId}` : null;
  }

  /** This laptop's mention of a cell-wide key, once it has arrived here. */
  mentionOfKey(key: string): number | undefined {
    if (key.startsWith('url:')) return this.#byUrl.get(key.slice(4));
    const match = /^src:([0-9a-f-]{36}):(.+)$/s.exec(key);
    return match ? this.#bySource.get(match[1]!, match[2]!) : undefined;
  }

  /** The items a reply statement is waiting to answer. */
  replyingWith(statementId: string): number[] {
    return this.#byStatement.all(statementId);
  }

  /** Items people touched (not only put in the queue by the rules). */
  touchedByPeople(): number[] {
    return this.#touched.all(RULES_FLAGGER);
  }

  /** The item as the cell's operations fold it. */
  putShared(row: SharedItemRow): void {
    this.#upsert.run(row);
  }

  mentionsForTriage(ids: readonly number[]): MentionForTriage[] {
    return this.#mentions.all(JSON.stringify(ids)).map((m) => ({ ...m, staff: m.staff === 1 }));
  }

  mentionExists(id: number): boolean {
    return this.#mentionExists.get(id) !== undefined;
  }

  /** One transaction for a whole ingested batch. */
  flagMany(items: readonly { mentionId: number; reason: string; assignedRole?: string | null }[], flaggedBy: string, at: string): number {
    return this.db.transaction(() => items.reduce((n, i) => n + this.#flag.run(i.reason, flaggedBy, i.assignedRole ?? null, at, i.mentionId).changes, 0))();
  }

  /** Up to `limit` items after `after` (from the top without it), of the whole queue or of an incident's scope. */
  page({ states, reasons, flaggedBy, limit, scope, after }: PageQuery): ResponseRow[] {
    const params = { ...(after ?? START), states: JSON.stringify(states), reasons: JSON.stringify(reasons), flaggedBy, limit };
    if (scope) return this.#scopedList.all({ ...scopeParams(scope), ...params });
    return this.#list.all(params);
  }

  get(mentionId: number): ResponseRow | undefined {
    return this.#get.get(mentionId);
  }

  assign(mentionId: number, role: string | null): boolean {
    return this.#assign.run(role, mentionId).changes === 1;
  }

  linkStatement(mentionId: number, statementId: string): boolean {
    return this.#link.run(statementId, mentionId).changes === 1;
  }

  close(mentionId: number, state: 'offline' | 'dismissed', note: string, person: string, at: string): boolean {
    return this.#close.run(state, note, person, at, mentionId).changes === 1;
  }

  markAnswered(statementId: string, at: string): number {
    return this.#answered.run(at, statementId).changes;
  }

  counts(scope?: QueueScope): Record<string, number> {
    const rows = scope ? this.#scopedCounts.all(scopeParams(scope)) : this.#counts.all();
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
