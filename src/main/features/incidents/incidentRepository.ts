// SQL for incidents and their war-room state (roster, holders, mobilisation, checklist, situation reports).
import type { Db } from '../../platform/db/openDatabase';

export interface IncidentRow {
  readonly id: string;
  readonly title: string;
  readonly scenarioKind: string;
  readonly scenarioId: string | null;
  readonly severity: string;
  readonly status: string;
  readonly summary: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly alertId: string | null;
  readonly alertSnapshotJson: string | null;
  readonly activeAt: string | null;
  readonly stabilisedAt: string | null;
  readonly closedAt: string | null;
  readonly updatedAt: string;
  /** Null only in rows imported from an archive made before incidents had a scope. */
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

export interface IncidentState {
  readonly severity: string;
  readonly status: string;
  readonly activeAt: string | null;
  readonly stabilisedAt: string | null;
  readonly closedAt: string | null;
  readonly updatedAt: string;
}

export interface RoleRow {
  readonly incidentId: string;
  readonly roleId: string;
  readonly position: number;
  readonly nameJson: string;
  readonly missionJson: string;
  readonly instructionsJson: string;
  readonly deputiesJson: string;
  readonly callsJson: string;
  readonly onDuty: number;
  readonly shiftStartedAt: string | null;
}

export interface HolderRow {
  readonly roleId: string;
  readonly personJson: string;
  readonly fromAt: string;
  readonly untilAt: string | null;
  readonly handedOverBy: string | null;
  readonly note: string;
}

export interface MobilisationRow {
  readonly id: string;
  readonly incidentId: string;
  readonly startedAt: string;
  readonly startedBy: string;
}

export interface CallRow {
  readonly mobilisationId: string;
  readonly roleId: string;
  /** The plan id of the person called; null for calls made before people had ids. */
  readonly personId: string | null;
  readonly personName: string;
  readonly phone: string;
  readonly alertedAt: string;
  readonly acknowledgedAt: string | null;
}

export interface ChecklistRow {
  readonly id: string;
  readonly incidentId: string;
  readonly planItemId: string | null;
  readonly position: number;
  readonly phase: string;
  readonly textJson: string;
  readonly ownerRole: string;
  readonly deadlineMinutes: number;
  readonly status: string;
  readonly doneBy: string | null;
  readonly doneAt: string | null;
  readonly note: string;
  readonly updatedAt: string;
}

export interface ReportRow {
  readonly id: string;
  readonly incidentId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly reportJson: string;
}

const INCIDENT_COLUMNS = `id, title, scenario_kind AS scenarioKind, scenario_id AS scenarioId, severity, status, summary,
  opened_at AS openedAt, opened_by AS openedBy, alert_id AS alertId, alert_snapshot_json AS alertSnapshotJson,
  active_at AS activeAt, stabilised_at AS stabilisedAt, closed_at AS closedAt, updated_at AS updatedAt,
  period_start AS periodStart, period_end AS periodEnd`;

export class IncidentRepository {
  readonly #insertIncident;
  readonly #list;
  readonly #get;
  readonly #fromAlert;
  readonly #setStatus;
  readonly #setSeverity;
  readonly #insertRole;
  readonly #roles;
  readonly #role;
  readonly #setDuty;
  readonly #insertHolder;
  readonly #closeHolder;
  readonly #holders;
  readonly #insertMobilisation;
  readonly #latestMobilisation;
  readonly #insertCall;
  readonly #calls;
  readonly #acknowledge;
  readonly #insertItem;
  readonly #items;
  readonly #item;
  readonly #updateItem;
  readonly #insertReport;
  readonly #reports;
  readonly #scopeWatches;
  readonly #clearWatches;
  readonly #addWatch;
  readonly #setPeriodStart;
  readonly #watchNames;
  readonly #activeWatches;
  readonly #resetState;
  readonly #insertRoleIfMissing;
  readonly #clearHolders;
  readonly #insertHolderRow;

  constructor(private readonly db: Db) {
    this.#scopeWatches = db.prepare<[string], { watchId: number }>(
      'SELECT watch_id AS watchId FROM incident_watches WHERE incident_id = ? ORDER BY watch_id',
    );
    this.#clearWatches = db.prepare<[string]>('DELETE FROM incident_watches WHERE incident_id = ?');
    this.#addWatch = db.prepare<[string, number]>('INSERT OR IGNORE INTO incident_watches (incident_id, watch_id) VALUES (?, ?)');
    this.#setPeriodStart = db.prepare<[string, string, string]>('UPDATE incidents SET period_start = ?, updated_at = ? WHERE id = ?');
    this.#watchNames = db.prepare<[string], { id: number; name: string }>(
      'SELECT id, name FROM watches WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
    );
    this.#activeWatches = db.prepare<[], { id: number }>('SELECT id FROM watches WHERE enabled = 1 ORDER BY id');
    this.#resetState = db.prepare<IncidentState & { id: string }>(
      `UPDATE incidents SET severity = @severity, status = @status, active_at = @activeAt, stabilised_at = @stabilisedAt,
         closed_at = @closedAt, period_end = @closedAt, updated_at = @updatedAt WHERE id = @id`,
    );
    this.#insertHolderRow = db.prepare<HolderRow & { incidentId: string }>(
      `INSERT INTO incident_role_holders (incident_id, role_id, person_json, from_at, until_at, handed_over_by, note)
       VALUES (@incidentId, @roleId, @personJson, @fromAt, @untilAt, @handedOverBy, @note)`,
    );
    this.#clearHolders = db.prepare<[string]>('DELETE FROM incident_role_holders WHERE incident_id = ?');
    this.#insertIncident = db.prepare<IncidentRow>(
      `INSERT INTO incidents (id, title, scenario_kind, scenario_id, severity, status, summary, opened_at, opened_by,
         alert_id, alert_snapshot_json, active_at, stabilised_at, closed_at, updated_at, period_start, period_end)
       VALUES (@id, @title, @scenarioKind, @scenarioId, @severity, @status, @summary, @openedAt, @openedBy,
         @alertId, @alertSnapshotJson, @activeAt, @stabilisedAt, @closedAt, @updatedAt, @periodStart, @periodEnd)`,
    );
    this.#list = db.prepare<[], IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents ORDER BY status = 'closed', opened_at DESC, rowid DESC`,
    );
    this.#get = db.prepare<[string], IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`);
    this.#fromAlert = db.prepare<[string, string], { id: string }>(
      `SELECT id FROM incidents WHERE alert_id = ? AND json_extract(alert_snapshot_json, '$.raisedAt') = ?
       ORDER BY opened_at DESC, rowid DESC LIMIT 1`,
    );
    this.#setStatus = db.prepare<{ id: string; status: string; at: string }>(
      `UPDATE incidents SET status = @status, updated_at = @at,
         active_at = CASE WHEN @status = 'active' AND active_at IS NULL THEN @at ELSE active_at END,
         stabilised_at = CASE WHEN @status = 'stabilised' THEN @at ELSE stabilised_at END,
         closed_at = CASE WHEN @status = 'closed' THEN @at ELSE closed_at END,
         period_end = CASE WHEN @status = 'closed' THEN @at ELSE period_end END
       WHERE id = @id`,
    );
    this.#setSeverity = db.prepare<[string, string, string]>('UPDATE incidents SET severity = ?, updated_at = ? WHERE id = ?');
    this.#insertRole = db.prepare<RoleRow>(
      `INSERT INTO incident_roles (incident_id, role_id, position, name_json, mission_json, instructions_json,
         deputies_json, calls_json, on_duty, shift_started_at)
       VALUES (@incidentId, @roleId, @position, @nameJson, @missionJson, @instructionsJson, @deputiesJson, @callsJson,
         @onDuty, @shiftStartedAt)`,
    );
    const roleColumns = `incident_id AS incidentId, role_id AS roleId, position, name_json AS nameJson,
      mission_json AS missionJson, instructions_json AS instructionsJson, deputies_json AS deputiesJson,
      calls_json AS callsJson, on_duty AS onDuty, shift_started_at AS shiftStartedAt`;
    this.#insertRoleIfMissing = db.prepare<RoleRow>(
      `INSERT OR IGNORE INTO incident_roles (incident_id, role_id, position, name_json, mission_json, instructions_json,
         deputies_json, calls_json, on_duty, shift_started_at)
       VALUES (@incidentId, @roleId, @position, @nameJson, @missionJson, @instructionsJson, @deputiesJson, @callsJson,
         @onDuty, @shiftStartedAt)`,
    );
    this.#roles = db.prepare<[string], RoleRow>(`SELECT ${roleColumns} FROM incident_roles WHERE incident_id = ? ORDER BY position`);
    this.#role = db.prepare<[string, string], RoleRow>(
      `SELECT ${roleColumns} FROM incident_roles WHERE incident_id = ? AND role_id = ?`,
    );
    this.#setDuty = db.prepare<[number, string | null, string, string]>(
      'UPDATE incident_roles SET on_duty = ?, shift_started_at = ? WHERE incident_id = ? AND role_id = ?',
    );
    this.#insertHolder = db.prepare<[string, string, string, string, string | null, string]>(
      `INSERT INTO incident_role_holders (incident_id, role_id, person_json, from_at, handed_over_by, note)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#closeHolder = db.prepare<[string, string, string]>(
      'UPDATE incident_role_holders SET until_at = ? WHERE incident_id = ? AND role_id = ? AND until_at IS NULL',
    );
    this.#holders = db.prepare<[string], HolderRow>(
      `SELECT role_id AS roleId, person_json AS personJson, from_at AS fromAt, until_at AS untilAt,
         handed_over_by AS handedOverBy, note
       FROM incident_role_holders WHERE incident_id = ? ORDER BY id`,
    );
    this.#insertMobilisation = db.prepare<MobilisationRow>(
      'INSERT INTO incident_mobilisations (id, incident_id, started_at, started_by) VALUES (@id, @incidentId, @startedAt, @startedBy)',
    );
    this.#latestMobilisation = db.prepare<[string], MobilisationRow>(
      `SELECT id, incident_id AS incidentId, started_at AS startedAt, started_by AS startedBy
       FROM incident_mobilisations WHERE incident_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`,
    );
    this.#insertCall = db.prepare<CallRow>(
      `INSERT INTO incident_mobilisation_calls (mobilisation_id, role_id, person_id, person_name, phone, alerted_at, acknowledged_at)
       VALUES (@mobilisationId, @roleId, @personId, @personName, @phone, @alertedAt, @acknowledgedAt)`,
    );
    this.#calls = db.prepare<[string], CallRow>(
      `SELECT c.mobilisation_id AS mobilisationId, c.role_id AS roleId, c.person_id AS personId, c.person_name AS personName, c.phone,
         c.alerted_at AS alertedAt, c.acknowledged_at AS acknowledgedAt
       FROM incident_mobilisation_calls c
       JOIN incident_roles r ON r.incident_id = (SELECT incident_id FROM incident_mobilisations WHERE id = c.mobilisation_id)
         AND r.role_id = c.role_id
       WHERE c.mobilisation_id = ? ORDER BY r.position`,
    );
    this.#acknowledge = db.prepare<[string, string, string]>(
      `UPDATE incident_mobilisation_calls SET acknowledged_at = ?
       WHERE mobilisation_id = ? AND role_id = ? AND acknowledged_at IS NULL`,
    );
    this.#insertItem = db.prepare<ChecklistRow>(
      `INSERT INTO incident_checklist_items (id, incident_id, plan_item_id, position, phase, text_json, owner_role,
         deadline_minutes, status, done_by, done_at, note, updated_at)
       VALUES (@id, @incidentId, @planItemId, @position, @phase, @textJson, @ownerRole, @deadlineMinutes, @status,
         @doneBy, @doneAt, @note, @updatedAt)`,
    );
    const itemColumns = `id, incident_id AS incidentId, plan_item_id AS planItemId, position, phase, text_json AS textJson,
      owner_role AS ownerRole, deadline_minutes AS deadlineMinutes, status, done_by AS doneBy, done_at AS doneAt, note,
      updated_at AS updatedAt`;
    this.#items = db.prepare<[string], ChecklistRow>(
      `SELECT ${itemColumns} FROM incident_checklist_items WHERE incident_id = ? ORDER BY position`,
    );
    this.#item = db.prepare<[string, string], ChecklistRow>(
      `SELECT ${itemColumns} FROM incident_checklist_items WHERE incident_id = ? AND id = ?`,
    );
    this.#updateItem = db.prepare<{ id: string; status: string; doneBy: string | null; doneAt: string | null; note: string; updatedAt: string }>(
      `UPDATE incident_checklist_items SET status = @status, done_by = @doneBy, done_at = @doneAt, note = @note,
         updated_at = @updatedAt WHERE id = @id`,
    );
    this.#insertReport = db.prepare<ReportRow>(
      `INSERT INTO incident_situation_reports (id, incident_id, created_at, created_by, report_json)
       VALUES (@id, @incidentId, @createdAt, @createdBy, @reportJson)`,
    );
    this.#reports = db.prepare<[string], ReportRow>(
      `SELECT id, incident_id AS incidentId, created_at AS createdAt, created_by AS createdBy, report_json AS reportJson
       FROM incident_situation_reports WHERE incident_id = ? ORDER BY created_at DESC, rowid DESC`,
    );
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  insertIncident(row: IncidentRow): void {
    this.#insertIncident.run(row);
  }
  list(): IncidentRow[] {
    return this.#list.all();
  }
  get(id: string): IncidentRow | undefined {
    return this.#get.get(id);
  }
  /**
   * The latest incident opened from this alert, if any. Alert ids are reused once a watch and its alerts are
   * deleted, so the alert is also recognised by when it was raised.
   */
  fromAlert(alertId: string, raisedAt: string): string | undefined {
    return this.#fromAlert.get(alertId, raisedAt)?.id;
  }
  setStatus(id: string, status: string, at: string): void {
    this.#setStatus.run({ id, status, at });
  }
  setSeverity(id: string, severity: string, at: string): void {
    this.#setSeverity.run(severity, at, id);
  }

  /** Puts the incident back to the state its cell opening carried, before the cell's changes are replayed on it. */
  resetState(id: string, state: IncidentState): void {
    this.#resetState.run({ id, ...state });
  }

  insertRole(row: RoleRow): void {
    this.#insertRole.run(row);
  }
  insertRoleIfMissing(row: RoleRow): void {
    this.#insertRoleIfMissing.run(row);
  }
  roles(incidentId: string): RoleRow[] {
    return this.#roles.all(incidentId);
  }
  role(incidentId: string, roleId: string): RoleRow | undefined {
    return this.#role.get(incidentId, roleId);
  }
  setDuty(incidentId: string, roleId: string, onDuty: boolean, shiftStartedAt: string | null): void {
    this.#setDuty.run(onDuty ? 1 : 0, shiftStartedAt, incidentId, roleId);
  }

  /** Closes the current holder's period (if any) and opens the next one at the same instant. */
  handOver(incidentId: string, roleId: string, personJson: string, at: string, by: string | null, note: string): void {
    this.#closeHolder.run(at, incidentId, roleId);
    this.#insertHolder.run(incidentId, roleId, personJson, at, by, note);
  }
  /** Replaces the incident's holder history with `rows`, in their order. */
  replaceHolders(incidentId: string, rows: readonly HolderRow[]): void {
    this.#clearHolders.run(incidentId);
    for (const row of rows) this.#insertHolderRow.run({ ...row, incidentId });
  }
  holders(incidentId: string): HolderRow[] {
    return this.#holders.all(incidentId);
  }

  insertMobilisation(row: MobilisationRow, calls: readonly CallRow[]): void {
    this.#insertMobilisation.run(row);
    for (const c of calls) this.#insertCall.run(c);
  }
  latestMobilisation(incidentId: string): MobilisationRow | undefined {
    return this.#latestMobilisation.get(incidentId);
  }
  calls(mobilisationId: string): CallRow[] {
    return this.#calls.all(mobilisationId);
  }
  /** True when this acknowledgement was the first for that call. */
  acknowledge(mobilisationId: string, roleId: string, at: string): boolean {
    return this.#acknowledge.run(at, mobilisationId, roleId).changes === 1;
  }

  insertItem(row: ChecklistRow): void {
    this.#insertItem.run(row);
  }
  items(incidentId: string): ChecklistRow[] {
    return this.#items.all(incidentId);
  }
  item(incidentId: string, id: string): ChecklistRow | undefined {
    return this.#item.get(incidentId, id);
  }
  updateItem(change: { id: string; status: string; doneBy: string | null; doneAt: string | null; note: string; updatedAt: string }): void {
    this.#updateItem.run(change);
  }

  scopeWatchIds(incidentId: string): number[] {
    return this.#scopeWatches.all(incidentId).map((r) => r.watchId);
  }
  setScopeWatches(incidentId: string, watchIds: readonly number[]): void {
    this.#clearWatches.run(incidentId);
    for (const id of watchIds) this.#addWatch.run(incidentId, id);
  }
  setPeriodStart(incidentId: string, start: string, at: string): void {
    this.#setPeriodStart.run(start, at, incidentId);
  }
  /** The watches among `ids` that exist, with their names. */
  watches(ids: readonly number[]): { id: number; name: string }[] {
    return this.#watchNames.all(JSON.stringify(ids));
  }
  activeWatchIds(): number[] {
    return this.#activeWatches.all().map((r) => r.id);
  }

  insertReport(row: ReportRow): void {
    this.#insertReport.run(row);
  }
  reports(incidentId: string): ReportRow[] {
    return this.#reports.all(incidentId);
  }
}
