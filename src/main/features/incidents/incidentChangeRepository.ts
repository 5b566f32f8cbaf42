// SQL for the changes made to incidents across the cell (see migration 0034): every laptop's, in clock order.
import type { Db } from '../../platform/db/openDatabase';

export interface ChangeRow {
  readonly id: string;
  readonly incidentId: string;
  readonly deviceId: string;
  readonly memberName: string | null;
  readonly hlc: string;
  readonly at: string;
  readonly by: string;
  readonly kind: string;
  readonly dataJson: string;
  readonly signature: string;
  readonly genuine: number;
}

const COLUMNS = `id, incident_id AS incidentId, device_id AS deviceId, member_name AS memberName, hlc, at, by, kind,
  data_json AS dataJson, signature, genuine`;

export class IncidentChangeRepository {
  readonly #insert;
  readonly #has;
  readonly #ofIncident;
  readonly #own;
  readonly #lastHlc;
  readonly #unopened;

  constructor(db: Db) {
    this.#insert = db.prepare<ChangeRow>(
      `INSERT OR IGNORE INTO incident_changes (id, incident_id, device_id, member_name, hlc, at, by, kind, data_json, signature, genuine)
       VALUES (@id, @incidentId, @deviceId, @memberName, @hlc, @at, @by, @kind, @dataJson, @signature, @genuine)`,
    );
    this.#has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM incident_changes WHERE id = ?');
    this.#ofIncident = db.prepare<[string], ChangeRow>(
      `SELECT ${COLUMNS} FROM incident_changes WHERE incident_id = ? ORDER BY hlc, device_id, id`,
    );
    this.#own = db.prepare<[string], ChangeRow>(`SELECT ${COLUMNS} FROM incident_changes WHERE device_id = ? AND genuine = 1 ORDER BY hlc`);
    this.#lastHlc = db.prepare<[], { hlc: string | null }>('SELECT max(hlc) AS hlc FROM incident_changes WHERE genuine = 1');
    this.#unopened = db.prepare<[], { id: string }>(
      `SELECT id FROM incidents i WHERE NOT EXISTS (
         SELECT 1 FROM incident_changes c WHERE c.incident_id = i.id AND c.kind = 'opened' AND c.genuine = 1)
       ORDER BY opened_at, rowid`,
    );
  }

  /** False when a change with that id is already stored. */
  insert(row: ChangeRow): boolean {
    return this.#insert.run(row).changes === 1;
  }
  has(id: string): boolean {
    return this.#has.get(id) !== undefined;
  }
  /** The incident's changes in the order every laptop replays them: clock, then laptop, then id. */
  ofIncident(incidentId: string): ChangeRow[] {
    return this.#ofIncident.all(incidentId);
  }
  own(deviceId: string): ChangeRow[] {
    return this.#own.all(deviceId);
  }
  lastHlc(): string | null {
    return this.#lastHlc.get()?.hlc ?? null;
  }
  /** Incidents of this laptop the cell has no opening of yet (opened before it joined). */
  unopened(): string[] {
    return this.#unopened.all().map((r) => r.id);
  }
}
