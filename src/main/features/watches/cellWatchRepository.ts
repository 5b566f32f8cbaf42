// SQL of the watches shared across the cell (see migration 0044): every laptop's signed watch changes, and which
// local watch shows which cell-wide watch, with the change it shows now.
import type { Db } from '../../platform/db/openDatabase';

export interface WatchChangeRow {
  readonly id: string;
  readonly uid: string;
  readonly deviceId: string;
  readonly memberName: string | null;
  readonly hlc: string;
  readonly at: string;
  readonly deleted: number;
  readonly watchJson: string;
  readonly signature: string;
  readonly genuine: number;
}

export interface CellWatch {
  readonly uid: string;
  readonly watchId: number | null;
  readonly changeId: string | null;
}

const COLUMNS = 'id, uid, device_id AS deviceId, member_name AS memberName, hlc, at, deleted, watch_json AS watchJson, signature, genuine';

export class CellWatchRepository {
  readonly #db: Db;
  readonly #insert;
  readonly #has;
  readonly #latest;
  readonly #own;
  readonly #lastHlc;
  readonly #uids;
  readonly #byUid;
  readonly #byWatch;
  readonly #put;

  constructor(db: Db) {
    this.#db = db;
    this.#insert = db.prepare<WatchChangeRow>(
      `INSERT OR IGNORE INTO watch_changes (id, uid, device_id, member_name, hlc, at, deleted, watch_json, signature, genuine)
       VALUES (@id, @uid, @deviceId, @memberName, @hlc, @at, @deleted, @watchJson, @signature, @genuine)`,
    );
    this.#has = db.prepare<[string], number>('SELECT 1 FROM watch_changes WHERE id = ?').pluck();
    this.#latest = db.prepare<[string], WatchChangeRow>(
      `SELECT ${COLUMNS} FROM watch_changes WHERE uid = ? AND genuine = 1 ORDER BY hlc DESC, device_id DESC, id DESC LIMIT 1`,
    );
    this.#own = db.prepare<[string], WatchChangeRow>(`SELECT ${COLUMNS} FROM watch_changes WHERE device_id = ? AND genuine = 1 ORDER BY hlc`);
    this.#lastHlc = db.prepare<[], string | null>('SELECT max(hlc) FROM watch_changes WHERE genuine = 1').pluck();
    this.#uids = db.prepare<[], string>('SELECT DISTINCT uid FROM watch_changes WHERE genuine = 1').pluck();
    this.#byUid = db.prepare<[string], CellWatch>('SELECT uid, watch_id AS watchId, change_id AS changeId FROM cell_watches WHERE uid = ?');
    this.#byWatch = db.prepare<[number], CellWatch>('SELECT uid, watch_id AS watchId, change_id AS changeId FROM cell_watches WHERE watch_id = ?');
    this.#put = db.prepare<[string, number | null, string | null]>(
      'INSERT INTO cell_watches (uid, watch_id, change_id) VALUES (?, ?, ?) ON CONFLICT (uid) DO UPDATE SET watch_id = excluded.watch_id, change_id = excluded.change_id',
    );
  }

  inTransaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insert(row: WatchChangeRow): void {
    this.#insert.run(row);
  }

  has(id: string): boolean {
    return this.#has.get(id) !== undefined;
  }

  /** The change that decides a watch: the last genuine one by clock, then laptop, then id, the same on every laptop. */
  latest(uid: string): WatchChangeRow | undefined {
    return this.#latest.get(uid);
  }

  own(deviceId: string): WatchChangeRow[] {
    return this.#own.all(deviceId);
  }

  lastHlc(): string | null {
    return this.#lastHlc.get() ?? null;
  }

  uids(): string[] {
    return this.#uids.all();
  }

  byUid(uid: string): CellWatch | undefined {
    return this.#byUid.get(uid);
  }

  byWatch(watchId: number): CellWatch | undefined {
    return this.#byWatch.get(watchId);
  }

  put(uid: string, watchId: number | null, changeId: string | null): void {
    this.#put.run(uid, watchId, changeId);
  }
}
