// SQL of the cell's sources and mentions on this laptop: which local source is which cell-wide source and whether
// this laptop polls it, the members' mention batches already taken in, and this laptop's mentions as the cell
// receives them (read back in the form ingestion takes, so every laptop runs them through its own ingest).
import type { MentionInput } from '../../../../shared/domain/mention';
import type { Db } from '../../../platform/db/openDatabase';

interface MentionRowForCell {
  id: number;
  sourceId: number;
  externalId: string;
  url: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorAudience: number | null;
  authorKind: MentionInput['author']['kind'];
  authorVerified: number | null;
  sourceName: string | null;
  title: string | null;
  raw: string;
  language: string | null;
  publishedAt: string;
  likes: number | null;
  shares: number | null;
  replies: number | null;
  replyToExternalId: string | null;
  agencyTone: MentionInput['agencyTone'] | null;
  hashtags: string | null;
}

export interface CellMention {
  readonly id: number;
  readonly sourceId: number;
  readonly input: MentionInput;
}

export class CellSourcesRepository {
  readonly #db: Db;
  readonly #uidOf;
  readonly #sourceOf;
  readonly #mappings;
  readonly #map;
  readonly #owned;
  readonly #setOwned;
  readonly #taken;
  readonly #take;
  readonly #mark;
  readonly #setMark;
  readonly #lastMention;
  readonly #mentionsAfter;
  readonly #mentionsIn;

  constructor(db: Db) {
    this.#db = db;
    this.#uidOf = db.prepare<[number], string>('SELECT uid FROM cell_sources WHERE source_id = ?').pluck();
    this.#sourceOf = db.prepare<[string], number>('SELECT source_id FROM cell_sources WHERE uid = ?').pluck();
    this.#mappings = db.prepare<[], { sourceId: number; uid: string; owned: number }>('SELECT source_id AS sourceId, uid, owned FROM cell_sources');
    this.#map = db.prepare<[number, string, number]>('INSERT INTO cell_sources (source_id, uid, owned) VALUES (?, ?, ?)');
    this.#owned = db.prepare<[number], number>('SELECT owned FROM cell_sources WHERE source_id = ?').pluck();
    this.#setOwned = db.prepare<[number, number]>('UPDATE cell_sources SET owned = ? WHERE source_id = ?');
    this.#taken = db.prepare<[string], string>('SELECT batch FROM cell_mention_batches WHERE document = ?').pluck();
    this.#take = db.prepare<[string, string]>('INSERT OR IGNORE INTO cell_mention_batches (document, batch) VALUES (?, ?)');
    this.#mark = db.prepare<[], number>('SELECT published_through FROM cell_mention_mark WHERE id = 1').pluck();
    this.#setMark = db.prepare<[number]>(
      'INSERT INTO cell_mention_mark (id, published_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET published_through = max(published_through, excluded.published_through)',
    );
    this.#lastMention = db.prepare<[], number | null>('SELECT max(id) FROM mentions').pluck();
    const columns = `SELECT id, source_id AS sourceId, external_id AS externalId, url, author_handle AS authorHandle,
         author_name AS authorName, author_audience AS authorAudience, author_kind AS authorKind,
         author_verified AS authorVerified, source_name AS sourceName, title, raw, language, published_at AS publishedAt,
         likes, shares, replies, reply_to_external_id AS replyToExternalId, agency_tone AS agencyTone, hashtags
       FROM mentions`;
    this.#mentionsAfter = db.prepare<[number, number], MentionRowForCell>(`${columns} WHERE id > ? ORDER BY id LIMIT ?`);
    this.#mentionsIn = db.prepare<[string], MentionRowForCell>(`${columns} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  }

  inTransaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  uidOf(sourceId: number): string | undefined {
    return this.#uidOf.get(sourceId);
  }

  sourceOf(uid: string): number | undefined {
    return this.#sourceOf.get(uid);
  }

  mappings(): { sourceId: number; uid: string; owned: boolean }[] {
    return this.#mappings.all().map((m) => ({ ...m, owned: m.owned === 1 }));
  }

  map(sourceId: number, uid: string, owned: boolean): void {
    this.#map.run(sourceId, uid, owned ? 1 : 0);
  }

  /** Whether this laptop polls the source; undefined for a source the cell does not know (yet). */
  owned(sourceId: number): boolean | undefined {
    const owned = this.#owned.get(sourceId);
    return owned === undefined ? undefined : owned === 1;
  }

  setOwned(sourceId: number, owned: boolean): void {
    this.#setOwned.run(owned ? 1 : 0, sourceId);
  }

  takenBatches(document: string): string[] {
    return this.#taken.all(document);
  }

  markTaken(document: string, batch: string): void {
    this.#take.run(document, batch);
  }

  /** The highest mention id this laptop knows the cell has (published by it, or received). */
  publishedThrough(): number {
    return this.#mark.get() ?? 0;
  }

  markPublishedThrough(mentionId: number): void {
    this.#setMark.run(mentionId);
  }

  lastMentionId(): number {
    return this.#lastMention.get() ?? 0;
  }

  mentionsAfter(mentionId: number, limit: number): CellMention[] {
    return this.#mentionsAfter.all(mentionId, limit).map(toCellMention);
  }

  mentions(ids: readonly number[]): CellMention[] {
    return this.#mentionsIn.all(JSON.stringify(ids)).map(toCellMention);
  }
}

/** The stored mention back in the form ingestion takes: the original text, the display URL, the source's fields. */
function toCellMention(r: MentionRowForCell): CellMention {
  const input: MentionInput = {
    externalId: r.externalId,
    author: {
      kind: r.authorKind,
      ...(r.authorHandle !== null && { handle: r.authorHandle }),
      ...(r.authorName !== null && { displayName: r.authorName }),
      ...(r.authorAudience !== null && { audience: r.authorAudience }),
      ...(r.authorVerified !== null && { verified: r.authorVerified === 1 }),
    },
    text: r.raw,
    publishedAt: r.publishedAt,
    engagement: {
      ...(r.likes !== null && { likes: r.likes }),
      ...(r.shares !== null && { shares: r.shares }),
      ...(r.replies !== null && { replies: r.replies }),
    },
    ...(r.url !== null && { url: r.url }),
    ...(r.title !== null && { title: r.title }),
    ...(r.language !== null && { language: r.language }),
    ...(r.replyToExternalId !== null && { replyToExternalId: r.replyToExternalId }),
    ...(r.sourceName !== null && { sourceName: r.sourceName }),
    ...(r.hashtags !== null && { hashtags: JSON.parse(r.hashtags) as string[] }),
    ...(r.agencyTone !== null && { agencyTone: r.agencyTone }),
  };
  return { id: r.id, sourceId: r.sourceId, input };
}
