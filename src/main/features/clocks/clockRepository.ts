// SQL for regulatory clocks, their steps and the reminders already given.
import type { Db } from '../../platform/db/openDatabase';

export interface ClockRow {
  readonly id: string;
  readonly incidentId: string;
  readonly obligationId: string;
  readonly obligationJson: string;
  readonly timeZone: string;
  readonly fractionsJson: string;
  readonly classifiedAt: string;
  readonly classifiedBy: string;
  readonly awarenessAt: string;
  /** The instant of the incident archive the clock was read from; such a clock reminds nobody. */
  readonly fromArchiveAt: string | null;
}

export interface StepRow {
  readonly clockId: string;
  readonly stepId: string;
  readonly position: number;
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly sentAt: string | null;
  readonly sentBy: string | null;
  readonly sentWhat: string | null;
}

const CLOCK_COLUMNS = `id, incident_id AS incidentId, obligation_id AS obligationId, obligation_json AS obligationJson,
  time_zone AS timeZone, fractions_json AS fractionsJson, classified_at AS classifiedAt, classified_by AS classifiedBy,
  awareness_at AS awarenessAt, from_archive_at AS fromArchiveAt`;
const STEP_COLUMNS = `clock_id AS clockId, step_id AS stepId, position, started_at AS startedAt, due_at AS dueAt,
  sent_at AS sentAt, sent_by AS sentBy, sent_what AS sentWhat`;

export class ClockRepository {
  readonly #db: Db;
  readonly #byIncident;
  readonly #byId;
  readonly #reminding;
  readonly #insert;
  readonly #awareness;
  readonly #steps;
  readonly #upsertStep;
  readonly #sent;
  readonly #fired;
  readonly #fire;

  constructor(db: Db) {
    this.#db = db;
    this.#byIncident = db.prepare<[string], ClockRow>(`SELECT ${CLOCK_COLUMNS} FROM regulatory_clocks WHERE incident_id = ? ORDER BY classified_at, obligation_id`);
    this.#byId = db.prepare<[string], ClockRow>(`SELECT ${CLOCK_COLUMNS} FROM regulatory_clocks WHERE id = ?`);
    this.#reminding = db.prepare<[], ClockRow>(`SELECT ${CLOCK_COLUMNS} FROM regulatory_clocks WHERE from_archive_at IS NULL`);
    this.#insert = db.prepare<[string, string, string, string, string, string, string, string, string]>(
      `INSERT INTO regulatory_clocks (id, incident_id, obligation_id, obligation_json, time_zone, fractions_json, classified_at, classified_by, awareness_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#awareness = db.prepare<[string, string]>('UPDATE regulatory_clocks SET awareness_at = ? WHERE id = ?');
    this.#steps = db.prepare<[string], StepRow>(`SELECT ${STEP_COLUMNS} FROM regulatory_steps WHERE clock_id = ? ORDER BY position`);
    this.#upsertStep = db.prepare<[string, string, number, string | null, string | null]>(
      `INSERT INTO regulatory_steps (clock_id, step_id, position, started_at, due_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (clock_id, step_id) DO UPDATE SET started_at = excluded.started_at, due_at = excluded.due_at`,
    );
    this.#sent = db.prepare<[string, string, string, string, string]>(
      'UPDATE regulatory_steps SET sent_at = ?, sent_by = ?, sent_what = ? WHERE clock_id = ? AND step_id = ?',
    );
    this.#fired = db.prepare<[string, string], { fraction: number }>('SELECT fraction FROM regulatory_reminders WHERE clock_id = ? AND step_id = ?');
    this.#fire = db.prepare<[string, string, number, string, string]>(
      'INSERT OR IGNORE INTO regulatory_reminders (clock_id, step_id, fraction, remind_at, fired_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  atomically<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  forIncident(incidentId: string): ClockRow[] {
    return this.#byIncident.all(incidentId);
  }

  clock(id: string): ClockRow | undefined {
    return this.#byId.get(id);
  }

  /** The clocks classified here, which remind; not those read from an archive. */
  reminding(): ClockRow[] {
    return this.#reminding.all();
  }

  insert(row: ClockRow): void {
    this.#insert.run(row.id, row.incidentId, row.obligationId, row.obligationJson, row.timeZone, row.fractionsJson, row.classifiedAt, row.classifiedBy, row.awarenessAt);
  }

  setAwareness(id: string, awarenessAt: string): void {
    this.#awareness.run(awarenessAt, id);
  }

  steps(clockId: string): StepRow[] {
    return this.#steps.all(clockId);
  }

  setDeadline(clockId: string, stepId: string, position: number, startedAt: string | null, dueAt: string | null): void {
    this.#upsertStep.run(clockId, stepId, position, startedAt, dueAt);
  }

  markSent(clockId: string, stepId: string, sentAt: string, sentBy: string, what: string): void {
    this.#sent.run(sentAt, sentBy, what, clockId, stepId);
  }

  firedFractions(clockId: string, stepId: string): number[] {
    return this.#fired.all(clockId, stepId).map((r) => r.fraction);
  }

  recordReminder(clockId: string, stepId: string, fraction: number, remindAt: string, firedAt: string): void {
    this.#fire.run(clockId, stepId, fraction, remindAt, firedAt);
  }
}
