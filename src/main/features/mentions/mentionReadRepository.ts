// SQL for reading mentions: the filtered, full-text-searchable stream and one mention.
import type { MentionFilter, StoredMention } from '../../../shared/domain/storedMention';
import type { Db } from '../../platform/db/openDatabase';

interface MentionRowOut {
  id: number;
  sourceId: number;
  sourceKind: string;
  sourceName: string | null;
  sourceLabel: string;
  externalId: string;
  url: string | null;
  canonicalUrl: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorAudience: number | null;
  authorKind: string;
  title: string | null;
  text: string;
  language: string | null;
  publishedAt: string;
  fetchedAt: string;
  likes: number | null;
  shares: number | null;
  replies: number | null;
  replyToExternalId: string | null;
  toneClass: string | null;
  toneScore: number | null;
  toneCorrected: number;
  agencyTone: string | null;
  authorVerified: number | null;
  hashtags: string | null;
  watchIdsCsv: string | null;
}

const COLUMNS = `
  m.id, m.source_id AS sourceId, m.source_kind AS sourceKind, COALESCE(m.source_name, s.name) AS sourceName, s.name AS sourceLabel,
  m.external_id AS externalId, m.url, m.canonical_url AS canonicalUrl, m.author_handle AS authorHandle,
  m.author_name AS authorName, m.author_audience AS authorAudience, m.author_kind AS authorKind, m.title, m.text,
  m.language, m.published_at AS publishedAt, m.fetched_at AS fetchedAt, m.likes, m.shares, m.replies,
  m.reply_to_external_id AS replyToExternalId, m.tone_class AS toneClass, m.tone_score AS toneScore,
  m.tone_corrected AS toneCorrected, m.agency_tone AS agencyTone, m.author_verified AS authorVerified, m.hashtags,
  (SELECT group_concat(watch_id) FROM mention_watches mw WHERE mw.mention_id = m.id) AS watchIdsCsv`;

const toMention = (r: MentionRowOut): StoredMention => ({
  id: r.id,
  sourceId: r.sourceId,
  sourceKind: r.sourceKind as StoredMention['sourceKind'],
  sourceName: r.sourceName,
  sourceLabel: r.sourceLabel,
  externalId: r.externalId,
  url: r.url,
  canonicalUrl: r.canonicalUrl,
  author: { handle: r.authorHandle, displayName: r.authorName, audience: r.authorAudience, kind: r.authorKind as StoredMention['author']['kind'],
    verified: r.authorVerified === null ? null : r.authorVerified === 1,
  },
  hashtags: r.hashtags ? (JSON.parse(r.hashtags) as string[]) : [],
  title: r.title,
  text: r.text,
  language: r.language,
  publishedAt: r.publishedAt,
  fetchedAt: r.fetchedAt,
  engagement: { likes: r.likes, shares: r.shares, replies: r.replies },
  replyToExternalId: r.replyToExternalId,
  toneClass: r.toneClass as StoredMention['toneClass'],
  toneScore: r.toneScore,
  toneCorrected: r.toneCorrected === 1,
  agencyTone: r.agencyTone as StoredMention['agencyTone'],
  watchIds: r.watchIdsCsv ? r.watchIdsCsv.split(',').map(Number) : [],
});

/** Matches above which a search walks the time index rather than looking every match up. */
const MANY_MATCHES = 2000;

export class MentionReadRepository {
  readonly #db: Db;
  readonly #one;
  readonly #matchesMany;

  constructor(db: Db) {
    this.#db = db;
    this.#matchesMany = db
      .prepare<[string], number>(`SELECT count(*) > ${MANY_MATCHES} FROM (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ${MANY_MATCHES + 1})`)
      .pluck();
    this.#one = db.prepare<[number], MentionRowOut>(`SELECT ${COLUMNS} FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.id = ?`);
  }

  get(id: number): StoredMention | undefined {
    const row = this.#one.get(id);
    return row ? toMention(row) : undefined;
  }

  /**
   * Newest first, keyset-paged. `ftsQuery` is an FTS5 expression already built from the user's words
   * (never raw user input). The filter combination varies, so this statement is prepared per call.
   */
  search(filter: MentionFilter, ftsQuery: string | undefined, limit: number, before?: { publishedAt: string; id: number }): StoredMention[] {
    const { key, from, where, params } = this.#selection(filter, ftsQuery, before);
    // The page is chosen first, then only its rows are read whole with their source and watch list.
    const sql = `SELECT ${COLUMNS} FROM mentions m JOIN sources s ON s.id = m.source_id
      WHERE m.id IN (SELECT ${key.id} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${key.at} DESC, ${key.id} DESC LIMIT @limit)
      ORDER BY m.published_at DESC, m.id DESC`;
    return this.#db.prepare<Record<string, unknown>, MentionRowOut>(sql).all({ ...params, limit }).map(toMention);
  }

  /** The ids of the first `limit` matches of a search, newest first: what a bulk action on a search result acts on. */
  matchingIds(filter: MentionFilter, ftsQuery: string | undefined, limit: number): number[] {
    const { key, from, where, params } = this.#selection(filter, ftsQuery);
    const sql = `SELECT ${key.id} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${key.at} DESC, ${key.id} DESC LIMIT @limit`;
    return this.#db.prepare<Record<string, unknown>, number>(sql).pluck().all({ ...params, limit });
  }

  #selection(filter: MentionFilter, ftsQuery: string | undefined, before?: { publishedAt: string; id: number }) {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (ftsQuery) {
      where.push('m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @fts)');
      params.fts = ftsQuery;
    }
    if (filter.sourceId !== undefined) {
      where.push('m.source_id = @sourceId');
      params.sourceId = filter.sourceId;
    }
    if (filter.language !== undefined) {
      where.push(filter.language === 'und' ? 'm.language IS NULL' : 'm.language = @language');
      params.language = filter.language;
    }
    if (filter.tone !== undefined) {
      where.push(filter.tone === 'none' ? 'm.tone_class IS NULL' : 'm.tone_class = @tone');
      params.tone = filter.tone;
    }
    if (filter.minAudience !== undefined) {
      where.push('m.author_audience >= @minAudience');
      params.minAudience = filter.minAudience;
    }
    // With a watch, the page walks the watch's own links newest first (they carry the publication time, indexed):
    // only the links looked at reach the mentions table, instead of every mention of the watch being sorted.
    const key = filter.watchId === undefined ? { at: 'm.published_at', id: 'm.id' } : { at: 'mw.published_at', id: 'mw.mention_id' };
    if (filter.from !== undefined) {
      where.push(`${key.at} >= @from`);
      params.from = new Date(filter.from).toISOString();
    }
    if (filter.to !== undefined) {
      where.push(`${key.at} < @to`);
      params.to = new Date(filter.to).toISOString();
    }
    if (before) {
      where.push(`(${key.at}, ${key.id}) < (@beforeAt, @beforeId)`);
      params.beforeAt = before.publishedAt;
      params.beforeId = before.id;
    }
    // A common word matches thousands of mentions: looking each one up to sort them by time cost 0.2 s at 200,000
    // mentions and grows with the store. Past a few thousand matches the page walks the time index newest first and
    // keeps the matches instead; a rare word keeps the lookups, which are then few.
    let from = ftsQuery && this.#matchesMany.get(ftsQuery) ? 'mentions m INDEXED BY mentions_published' : 'mentions m';
    if (filter.watchId !== undefined) {
      from = 'mention_watches mw INDEXED BY mention_watches_stream JOIN mentions m ON m.id = mw.mention_id';
      where.unshift('mw.watch_id = @watchId');
      params.watchId = filter.watchId;
    }
    return { key, from, where, params };
  }
}
