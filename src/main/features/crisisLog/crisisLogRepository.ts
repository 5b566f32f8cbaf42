// SQL for the crisis log: append-only inserts, entry views with their current state, chain walk.
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
              ORDER BY c.seq DESC LIMIT 1) AS correctedById
  FROM crisis_log e`;

export class CrisisLogRepository {
  readonly #insert;
  readonly #last;
  readonly #entry;
  readonly #changes;
  readonly #walk;
  readonly #hashAt;
  readonly #seqOfHash;

  constructor(private readonly db: Db) {
    this.#insert = db.prepare<ChainedRecord & { hash: string }>(
      `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role,
         body, source, verification, pinned, ref_id, system_code, data_json, prev_hash, hash)
       VALUES (@seq, @id, @record, @incidentId, @kind, @occurredAt, @enteredAt, @author, @authorRole,
         @body, @source, @verification, @pinned, @refId, @systemCode, @dataJson, @prevHash, @hash)`,
    );
    this.#last = db.prepare<[], Head>('SELECT seq, hash, prev_hash AS prevHash FROM crisis_log ORDER BY seq DESC LIMIT 1');
    this.#entry = db.prepare<[string], EntryRow>(`${ENTRY_VIEW} WHERE e.id = ? AND e.record = 'entry'`);
    this.#changes = db.prepare<[string], StoredRecord>(
      `SELECT ${RECORD_COLUMNS} FROM crisis_log
       WHERE record != 'entry' AND ref_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    );
    this.#walk = db.prepare<[], StoredRecord>(`SELECT ${RECORD_COLUMNS} FROM crisis_log ORDER BY seq`);
    this.#hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM crisis_log WHERE seq = ?');
    this.#seqOfHash = db.prepare<[string], { seq: number }>('SELECT seq FROM crisis_log WHERE hash = ?');
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
    return this.#entry.get(id);
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
    // Prepared per call because the filters vary; a crisis log holds thousands of entries, not millions.
    const sql = `SELECT * FROM (${ENTRY_VIEW} WHERE e.record = 'entry')
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY occurredAt DESC, seq DESC LIMIT ?`;
    return this.db.prepare<unknown[], EntryRow>(sql).all(...params, q.limit);
  }

  /** Every record in chain order, streamed so verifying a long log does not load it whole. */
  walk(): IterableIterator<StoredRecord> {
    return this.#walk.iterate();
  }
}
