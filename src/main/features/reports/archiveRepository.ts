// SQL of the incident archive: reads an incident's rows table by table and writes them back into an empty
// workspace. Column names come from the archive file, so they are checked against the live schema first.
import { AppFailure } from '../../../shared/contract/envelope';
import { ARCHIVE_TABLES, type ArchiveTable } from '../../../shared/domain/incidentArchive';
import type { Db } from '../../platform/db/openDatabase';

type Row = Record<string, string | number | null>;

/** The incident, and the rows of its own watches and period. */
export interface ArchiveScope {
  incidentId: string;
  watchIds: readonly number[];
  fromIso: string;
  toIso: string;
}

const BY_INCIDENT = 'WHERE incident_id = @incidentId';
const IN_SCOPE = 'watch_id IN (SELECT value FROM json_each(@watchIds))';
const BY_CLOCK = 'WHERE clock_id IN (SELECT id FROM regulatory_clocks WHERE incident_id = @incidentId)';
const BY_STATEMENT = 'WHERE statement_id IN (SELECT id FROM statements WHERE incident_id = @incidentId)';
const SELECTS: Record<ArchiveTable, string> = {
  incidents: 'SELECT * FROM incidents WHERE id = @incidentId',
  incident_roles: `SELECT * FROM incident_roles ${BY_INCIDENT}`,
  incident_role_holders: `SELECT * FROM incident_role_holders ${BY_INCIDENT} ORDER BY rowid`,
  incident_mobilisations: `SELECT * FROM incident_mobilisations ${BY_INCIDENT}`,
  incident_mobilisation_calls:
    'SELECT * FROM incident_mobilisation_calls WHERE mobilisation_id IN (SELECT id FROM incident_mobilisations WHERE incident_id = @incidentId)',
  incident_checklist_items: `SELECT * FROM incident_checklist_items ${BY_INCIDENT}`,
  incident_situation_reports: `SELECT * FROM incident_situation_reports ${BY_INCIDENT}`,
  regulatory_clocks: `SELECT * FROM regulatory_clocks ${BY_INCIDENT} ORDER BY classified_at, id`,
  regulatory_steps: `SELECT * FROM regulatory_steps ${BY_CLOCK} ORDER BY clock_id, position`,
  regulatory_reminders: `SELECT * FROM regulatory_reminders ${BY_CLOCK} ORDER BY clock_id, step_id, fraction`,
  statements: `SELECT * FROM statements ${BY_INCIDENT}`,
  statement_decisions: `SELECT * FROM statement_decisions ${BY_STATEMENT}`,
  outbox: `SELECT * FROM outbox ${BY_STATEMENT}`,
  crisis_log: 'SELECT * FROM crisis_log ORDER BY seq',
  watches: 'SELECT * FROM watches WHERE id IN (SELECT value FROM json_each(@watchIds)) ORDER BY id',
  incident_watches: `SELECT * FROM incident_watches ${BY_INCIDENT} ORDER BY watch_id`,
  alerts: `SELECT * FROM alerts WHERE ${IN_SCOPE} AND opened_at < @toIso AND (closed_at IS NULL OR closed_at >= @fromIso) ORDER BY id`,
  mention_rollups: `SELECT * FROM mention_rollups WHERE ${IN_SCOPE} AND minute >= @fromMinute AND minute < @toMinute`,
  watch_term_hours: `SELECT * FROM watch_term_hours WHERE ${IN_SCOPE} AND hour >= @fromHour AND hour < @toHour`,
  lessons_learned: 'SELECT * FROM lessons_learned ORDER BY id',
  press_inquiries: `SELECT * FROM press_inquiries ${BY_INCIDENT} ORDER BY id`,
  compensation_cases: `SELECT * FROM compensation_cases ${BY_INCIDENT} ORDER BY id`,
  compensation_decisions: 'SELECT * FROM compensation_decisions WHERE case_id IN (SELECT id FROM compensation_cases WHERE incident_id = @incidentId) ORDER BY id',
};

export class ArchiveRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  read(table: ArchiveTable, scope: ArchiveScope): Row[] {
    const from = Date.parse(scope.fromIso);
    const to = Date.parse(scope.toIso);
    return this.#db.prepare<Record<string, unknown>, Row>(SELECTS[table]).all({
      incidentId: scope.incidentId,
      watchIds: JSON.stringify(scope.watchIds),
      fromIso: scope.fromIso,
      toIso: scope.toIso,
      fromMinute: Math.floor(from / 60_000),
      toMinute: Math.ceil(to / 60_000),
      fromHour: Math.floor(from / 3_600_000),
      toHour: Math.ceil(to / 3_600_000),
    });
  }

  /** True when the workspace holds nothing an archive would collide with. */
  isEmpty(): boolean {
    const row = this.#db
      .prepare<[], { n: number }>(
        `SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM crisis_log) + (SELECT count(*) FROM statements)
           + (SELECT count(*) FROM watches) + (SELECT count(*) FROM alerts) + (SELECT count(*) FROM lessons_learned) AS n`,
      )
      .get();
    return (row?.n ?? 0) === 0;
  }

  /**
   * Inserts every table in one transaction; `check` runs inside it (e.g. the log chain verification) and
   * a failed check rolls everything back.
   */
  insertAll(tables: Readonly<Record<ArchiveTable, readonly Row[]>>, check: () => void): void {
    this.#db.transaction(() => {
      for (const table of ARCHIVE_TABLES) {
        const rows = tables[table];
        if (rows.length === 0) continue;
        const known = new Set(this.#db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name));
        const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
        const unknown = columns.filter((c) => !known.has(c));
        if (unknown.length > 0) throw new AppFailure('INVALID_INPUT', `The archive's ${table} rows have columns this version does not know: ${unknown.join(', ')}.`);
        const insert = this.#db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
        for (const row of rows) insert.run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
      }
      check();
    })();
  }
}
