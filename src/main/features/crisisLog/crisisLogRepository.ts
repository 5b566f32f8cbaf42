// SQL for the crisis log: append-only inserts, entry views with their current state, chain walk.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../platform/db/openDatabase';
import type { ChainedRecord, StoredRecord } from './chainHash';

export interface Head {
  readonly seq: number;
  readonly hash: string;
  readonly prevHash: string;
}

export interface EntryRow extends StoredRecord {
  readonly currentVerification: string;
  readonly currentPinned: number;
  readonly correctedById: string | null;
  readonly originDevice: string | null;
  readonly originMember: string | null;
  readonly originHlc: string | null;
  readonly originGenuine: number | null;
}

/** Where an entry came from in the cell (see migration 24). */
export interface OriginRow {
  readonly entryId: string;
  readonly deviceId: string;
  readonly memberName: string | null;
  readonly authorSeq: number;
  readonly prev: string;
  readonly hlc: string;
  readonly signature: string;
  readonly genuine: number;
}

export interface EntryQuery {
  readonly incidentId?: string | null;
  readonly includeWorkspace?: boolean;
  readonly kinds?: readonly string[];
  readonly verification?: readonly string[];
  readonly pinnedOnly?: boolean;
  /** An FTS5 MATCH expression, already built from safe tokens. */
  readonly match?: string;
  readonly limit: number;
  readonly before?: { readonly occurredAt: string; readonly seq: number };
}

const RECORD_COLUMNS = `seq, id, record, incident_id AS incidentId, kind, occurred_at AS occurredAt,
  entered_at AS enteredAt, author, author_role AS authorRole, body, source, verification, pinned,
  ref_id AS refId, system_code AS systemCode, data_json AS dataJson, prev_hash AS prevHash, hash`;

// The current state of an entry is its last recorded transition, or the state it was written with.
const ENTRY_VIEW = `SELECT ${RECORD_COLUMNS},
    coalesce((SELECT v.verification FROM crisis_log v WHERE v.ref_id = e.id AND v.record = 'verification'
              ORDER BY v.seq DESC LIMIT 1), e.verification) AS currentVerification,
    coalesce((SELECT p.pinned FROM crisis_log p WHERE p.ref_id = e.id AND p.record = 'pin'
              ORDER BY p.seq DESC LIMIT 1), e.pinned) AS currentPinned,
    (SELECT c.id FROM crisis_log c WHERE c.ref_id = e.id AND c.record = 'entry'
              ORDER BY c.seq DESC LIMIT 1) AS correctedById,
    o.device_id AS originDevice, o.member_name AS originMember, o.hlc AS originHlc, o.genuine AS originGenuine
  FROM crisis_log e LEFT JOIN crisis_log_origin o ON o.entry_id = e.id`;

const ORIGIN_COLUMNS = `entry_id AS entryId, device_id AS deviceId, member_name AS memberName, author_seq AS authorSeq,
  prev, hlc, signature, genuine`;

/**
 * Newest first. When it happened leads (the scribe's time, shared content, equal on every laptop); entries of the
 * same moment follow their hybrid logical clock, then the author laptop's id: every laptop of the cell shows one
 * order. Entries written outside a cell have no clock and keep their place in this laptop's chain.
 */
const NEWEST_FIRST = 'occurredAt DESC, originHlc DESC, originDevice DESC, seq DESC';

/**
 * Statements that read the origins table are prepared on first use: migration 17 works through this repository
 * before migration 24 has created that table.
 */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export class CrisisLogRepository {
  readonly #insert;
  readonly #last;
  readonly #entry;
  readonly #changes;
  readonly #walk;
  readonly #hashAt;
  readonly #seqOfHash;
  readonly #insertOrigin;
  readonly #hasEntry;
  readonly #lastOwn;
  readonly #lastHlc;
  readonly #originsOf;
  readonly #originDevices;
  readonly #listings = new Map<string, Statement<unknown[], EntryRow>>();

  constructor(private readonly db: Db) {
    this.#insert = db.prepare<ChainedRecord & { hash: string }>(
      `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role,
         body, source, verification, pinned, ref_id, system_code, data_json, prev_hash, hash)
       VALUES (@seq, @id, @record, @incidentId, @kind, @occurredAt, @enteredAt, @author, @authorRole,
         @body, @source, @verification, @pinned, @refId, @systemCode, @dataJson, @prevHash, @hash)`,
    );
    this.#last = db.prepare<[], Head>('SELECT seq, hash, prev_hash AS prevHash FROM crisis_log ORDER BY seq DESC LIMIT 1');
    this.#entry = lazily(() => db.prepare<[string], EntryRow>(`${ENTRY_VIEW} WHERE e.id = ? AND e.record = 'entry'`));
    this.#changes = db.prepare<[string], StoredRecord>(
      `SELECT ${RECORD_COLUMNS} FROM crisis_log
       WHERE record != 'entry' AND ref_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    );
    this.#walk = db.prepare<[], StoredRecord>(`SELECT ${RECORD_COLUMNS} FROM crisis_log ORDER BY seq`);
    this.#hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM crisis_log WHERE seq = ?');
    this.#seqOfHash = db.prepare<[string], { seq: number }>('SELECT seq FROM crisis_log WHERE hash = ?');
    this.#insertOrigin = lazily(() =>
      db.prepare<OriginRow>(
        `INSERT INTO crisis_log_origin (entry_id, device_id, member_name, author_seq, prev, hlc, signature, genuine)
         VALUES (@entryId, @deviceId, @memberName, @authorSeq, @prev, @hlc, @signature, @genuine)`,
      ),
    );
    this.#hasEntry = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM crisis_log WHERE id = ?');
    this.#lastOwn = lazily(() =>
      db.prepare<[string], OriginRow>(
        `SELECT ${ORIGIN_COLUMNS} FROM crisis_log_origin WHERE device_id = ? AND genuine = 1 ORDER BY author_seq DESC LIMIT 1`,
      ),
    );
    this.#lastHlc = lazily(() => db.prepare<[], { hlc: string | null }>('SELECT max(hlc) AS hlc FROM crisis_log_origin WHERE genuine = 1'));
    this.#originDevices = lazily(() =>
      db.prepare<[], { deviceId: string }>('SELECT DISTINCT device_id AS deviceId FROM crisis_log_origin WHERE genuine = 1 ORDER BY device_id'),
    );
    this.#originsOf = lazily(() =>
      db.prepare<[string], OriginRow>(`SELECT ${ORIGIN_COLUMNS} FROM crisis_log_origin WHERE device_id = ? AND genuine = 1 ORDER BY author_seq`),
    );
  }

  originDevices(): string[] {
    return this.#originDevices().all().map((r) => r.deviceId);
  }

  has(id: string): boolean {
    return this.#hasEntry.get(id) !== undefined;
  }

  insertOrigin(origin: OriginRow): void {
    this.#insertOrigin().run(origin);
  }

  /** The last genuine entry a laptop shared: where its chain goes on. */
  lastOwnOrigin(deviceId: string): OriginRow | undefined {
    return this.#lastOwn().get(deviceId);
  }

  /** The latest clock stamp of a genuine entry, from which this laptop's clock resumes. */
  lastHlc(): string | undefined {
    return this.#lastHlc().get()?.hlc ?? undefined;
  }

  /** A laptop's genuine entries in its own chain order. */
  originsOf(deviceId: string): OriginRow[] {
    return this.#originsOf().all(deviceId);
  }

  /** Runs `fn` in one immediate transaction, so reading the chain head and appending cannot interleave. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  head(): Head | undefined {
    return this.#last.get();
  }

  hashAt(seq: number): string | undefined {
    return this.#hashAt.get(seq)?.hash;
  }

  seqOfHash(hash: string): number | undefined {
    return this.#seqOfHash.get(hash)?.seq;
  }

  /**
   * Replaces every record's links, in one go, when the chain changes keys (migration 17). The append-only
   * trigger is lifted for that statement only and put back exactly as migration 3 wrote it.
   */
  relink(links: readonly { seq: number; prevHash: string; hash: string }[]): void {
    this.db.exec('DROP TRIGGER IF EXISTS crisis_log_no_update');
    const update = this.db.prepare<[string, string, number]>('UPDATE crisis_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    for (const l of links) update.run(l.prevHash, l.hash, l.seq);
    this.db.exec(`CREATE TRIGGER crisis_log_no_update BEFORE UPDATE ON crisis_log BEGIN
      SELECT RAISE(ABORT, 'crisis log entries are never edited: append a correction');
    END`);
  }

  insert(record: StoredRecord): void {
    this.#insert.run(record);
  }

  entry(id: string): EntryRow | undefined {
    return this.#entry().get(id);
  }

  /** Verification and pin records of the given entries, oldest first. */
  changesOf(entryIds: readonly string[]): StoredRecord[] {
    return entryIds.length === 0 ? [] : this.#changes.all(JSON.stringify(entryIds));
  }

  entries(q: EntryQuery): EntryRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.incidentId === null) where.push('incidentId IS NULL');
    else if (q.incidentId !== undefined) {
      where.push(q.includeWorkspace ? '(incidentId = ? OR incidentId IS NULL)' : 'incidentId = ?');
      params.push(q.incidentId);
    }
    if (q.kinds && q.kinds.length > 0) {
      where.push('kind IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(q.kinds));
    }
    if (q.verification && q.verification.length > 0) {
      where.push('currentVerification IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(q.verification));
    }
    if (q.pinnedOnly) where.push('currentPinned = 1');
    if (q.match) {
      where.push('seq IN (SELECT rowid FROM crisis_log_fts WHERE crisis_log_fts MATCH ?)');
      params.push(q.match);
    }
    if (q.before) {
      where.push('(occurredAt, seq) < (?, ?)');
      params.push(q.before.occurredAt, q.before.seq);
    }
    const sql = `SELECT * FROM (${ENTRY_VIEW} WHERE e.record = 'entry')
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${NEWEST_FIRST} LIMIT ?`;
    // One statement per combination of filters, prepared once: the screens list again on every change of the log,
    // and preparing took a fifth of each listing.
    let statement = this.#listings.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], EntryRow>(sql);
      this.#listings.set(sql, statement);
    }
    return statement.all(...params, q.limit);
  }

  /** Every record in chain order, streamed so verifying a long log does not load it whole. */
  walk(): IterableIterator<StoredRecord> {
    return this.#walk.iterate();
  }
}
