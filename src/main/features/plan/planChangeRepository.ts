// SQL for the plan revisions shared across the cell (see migration 0044): every laptop's, in clock order, each with
// whether its signature held and, once replayed, why it was refused (null: taken).
import type { Db } from '../../platform/db/openDatabase';

export interface PlanChangeRow {
  readonly id: string;
  readonly deviceId: string;
  readonly memberName: string | null;
  readonly hlc: string;
  readonly at: string;
  readonly kind: 'base' | 'edit';
  readonly origin: string;
  readonly by: string;
  readonly note: string;
  readonly lesson: string;
  readonly opsJson: string;
  readonly signature: string;
  readonly genuine: number;
  readonly refusalJson: string | null;
}

const COLUMNS = `id, device_id AS deviceId, member_name AS memberName, hlc, at, kind, origin, by, note, lesson, ops_json AS opsJson,
  signature, genuine, refusal_json AS refusalJson`;

export class PlanChangeRepository {
  readonly #db: Db;
  readonly #insert;
  readonly #has;
  readonly #all;
  readonly #own;
  readonly #lastHlc;
  readonly #refuse;

  constructor(db: Db) {
    this.#db = db;
    this.#insert = db.prepare<PlanChangeRow>(
      `INSERT OR IGNORE INTO plan_changes (id, device_id, member_name, hlc, at, kind, origin, by, note, lesson, ops_json, signature, genuine, refusal_json)
       VALUES (@id, @deviceId, @memberName, @hlc, @at, @kind, @origin, @by, @note, @lesson, @opsJson, @signature, @genuine, @refusalJson)`,
    );
    this.#has = db.prepare<[string], number>('SELECT 1 FROM plan_changes WHERE id = ?').pluck();
    this.#all = db.prepare<[], PlanChangeRow>(`SELECT ${COLUMNS} FROM plan_changes ORDER BY hlc, device_id, id`);
    this.#own = db.prepare<[string], PlanChangeRow>(`SELECT ${COLUMNS} FROM plan_changes WHERE device_id = ? AND genuine = 1 ORDER BY hlc`);
    this.#lastHlc = db.prepare<[], string | null>('SELECT max(hlc) FROM plan_changes WHERE genuine = 1').pluck();
    this.#refuse = db.prepare<[string | null, string]>('UPDATE plan_changes SET refusal_json = ? WHERE id = ?');
  }

  inTransaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insert(row: PlanChangeRow): void {
    this.#insert.run(row);
  }

  has(id: string): boolean {
    return this.#has.get(id) !== undefined;
  }

  /** Every change, genuine or not, in the order every laptop replays them. */
  all(): PlanChangeRow[] {
    return this.#all.all();
  }

  own(deviceId: string): PlanChangeRow[] {
    return this.#own.all(deviceId);
  }

  lastHlc(): string | null {
    return this.#lastHlc.get() ?? null;
  }

  setRefusal(id: string, refusalJson: string | null): void {
    this.#refuse.run(refusalJson, id);
  }
}
