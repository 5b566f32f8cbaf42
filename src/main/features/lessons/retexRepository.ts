// SQL for incident RETEX: the cell's text, the follow-up actions with their proposed plan changes, and the ticked
// items of the follow-up campaign.
import type { Db } from '../../platform/db/openDatabase';

export interface RetexTextRow {
  readonly whatHappened: string;
  readonly wentWell: string;
  readonly wentBadly: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface RetexActionRow {
  readonly id: number;
  readonly text: string;
  readonly ownerRole: string;
  readonly ownerPerson: string;
  readonly dueDate: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly doneAt: string | null;
  readonly doneBy: string | null;
  readonly planChangeJson: string | null;
  readonly planChangeState: string | null;
  readonly planRevision: number | null;
}

export interface FollowUpRow {
  readonly item: string;
  readonly doneAt: string;
  readonly doneBy: string;
}

const ACTION_COLUMNS = `id, text, owner_role AS ownerRole, owner_person AS ownerPerson, due_date AS dueDate, created_at AS createdAt,
  created_by AS createdBy, done_at AS doneAt, done_by AS doneBy, plan_change_json AS planChangeJson,
  plan_change_state AS planChangeState, plan_revision AS planRevision`;

export class RetexRepository {
  readonly #text;
  readonly #saveText;
  readonly #actions;
  readonly #action;
  readonly #insertAction;
  readonly #setDone;
  readonly #decide;
  readonly #followUp;
  readonly #tick;
  readonly #untick;

  constructor(private readonly db: Db) {
    this.#followUp = db.prepare<[string], FollowUpRow>('SELECT item, done_at AS doneAt, done_by AS doneBy FROM retex_follow_up WHERE incident_id = ?');
    this.#tick = db.prepare<[string, string, string, string]>(
      'INSERT INTO retex_follow_up (incident_id, item, done_at, done_by) VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, item) DO NOTHING',
    );
    this.#untick = db.prepare<[string, string]>('DELETE FROM retex_follow_up WHERE incident_id = ? AND item = ?');
    this.#text = db.prepare<[string], RetexTextRow>(
      `SELECT what_happened AS whatHappened, went_well AS wentWell, went_badly AS wentBadly, updated_at AS updatedAt,
              updated_by AS updatedBy FROM incident_retex WHERE incident_id = ?`,
    );
    this.#saveText = db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO incident_retex (incident_id, what_happened, went_well, went_badly, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id) DO UPDATE SET what_happened = excluded.what_happened, went_well = excluded.went_well,
         went_badly = excluded.went_badly, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    this.#actions = db.prepare<[string], RetexActionRow>(`SELECT ${ACTION_COLUMNS} FROM retex_actions WHERE incident_id = ? ORDER BY id`);
    this.#action = db.prepare<[string, number], RetexActionRow>(`SELECT ${ACTION_COLUMNS} FROM retex_actions WHERE incident_id = ? AND id = ?`);
    this.#insertAction = db.prepare<[string, string, string, string, string, string, string, string | null, string | null]>(
      `INSERT INTO retex_actions (incident_id, text, owner_role, owner_person, due_date, created_at, created_by, plan_change_json, plan_change_state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#setDone = db.prepare<[string | null, string | null, number]>(`UPDATE retex_actions SET done_at = ?, done_by = ? WHERE id = ?`);
    this.#decide = db.prepare<[string, number | null, number]>(
      `UPDATE retex_actions SET plan_change_state = ?, plan_revision = ? WHERE id = ? AND plan_change_state = 'proposed'`,
    );
  }

  text(incidentId: string): RetexTextRow | undefined {
    return this.#text.get(incidentId);
  }

  saveText(incidentId: string, row: RetexTextRow): void {
    this.#saveText.run(incidentId, row.whatHappened, row.wentWell, row.wentBadly, row.updatedAt, row.updatedBy);
  }

  actions(incidentId: string): RetexActionRow[] {
    return this.#actions.all(incidentId);
  }

  action(incidentId: string, id: number): RetexActionRow | undefined {
    return this.#action.get(incidentId, id);
  }

  insertAction(incidentId: string, row: Omit<RetexActionRow, 'id' | 'doneAt' | 'doneBy' | 'planRevision'>): number {
    const info = this.#insertAction.run(
      incidentId, row.text, row.ownerRole, row.ownerPerson, row.dueDate, row.createdAt, row.createdBy, row.planChangeJson, row.planChangeState,
    );
    return Number(info.lastInsertRowid);
  }

  setDone(id: number, doneAt: string | null, doneBy: string | null): void {
    this.#setDone.run(doneAt, doneBy, id);
  }

  /** False when the change was decided meanwhile (only a proposed change can be decided). */
  decide(id: number, state: 'accepted' | 'rejected', planRevision: number | null): boolean {
    return this.#decide.run(state, planRevision, id).changes === 1;
  }

  followUp(incidentId: string): FollowUpRow[] {
    return this.#followUp.all(incidentId);
  }

  /** False when the item was already in that state. */
  setFollowUp(incidentId: string, item: string, done: { at: string; by: string } | null): boolean {
    const info = done ? this.#tick.run(incidentId, item, done.at, done.by) : this.#untick.run(incidentId, item);
    return info.changes === 1;
  }

  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
