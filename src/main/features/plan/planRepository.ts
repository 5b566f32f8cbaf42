// SQL for crisis plan revisions: append a whole plan, read the latest, list the history.
import type { Db } from '../../platform/db/openDatabase';

/** `default` is the shipped sample company's plan, `empty` the plan a cell starts from without it. */
export type PlanOrigin = 'default' | 'empty' | 'edit' | 'import';

export interface PlanRevisionMeta {
  readonly revision: number;
  readonly schemaVersion: number;
  readonly savedAt: string;
  readonly origin: PlanOrigin;
  readonly author: string;
  readonly note: string;
  /** JSON of the lesson an accepted plan change came from, null otherwise. */
  readonly lessonJson: string | null;
  /** JSON of the roles the revision added, renamed or removed; null when it changed none. */
  readonly roleChangesJson: string | null;
  /** The cell revision this one shows (null: made before this laptop was in a cell), its laptop and what it changed. */
  readonly changeId: string | null;
  readonly deviceId: string | null;
  readonly pathsJson: string | null;
}

export interface PlanRevisionRow extends PlanRevisionMeta {
  readonly planJson: string;
}

const META_COLUMNS =
  'revision, schema_version AS schemaVersion, saved_at AS savedAt, origin, author, note, lesson_json AS lessonJson, role_changes_json AS roleChangesJson, change_id AS changeId, device_id AS deviceId, paths_json AS pathsJson';

export class PlanRepository {
  readonly #latest;
  readonly #byRevision;
  readonly #history;
  readonly #insert;
  readonly #latestLocal;
  readonly #cellRows;
  readonly #dropFrom;

  constructor(db: Db) {
    this.#latest = db.prepare<[], PlanRevisionRow>(
      `SELECT ${META_COLUMNS}, plan_json AS planJson FROM plan_revisions ORDER BY revision DESC LIMIT 1`,
    );
    this.#byRevision = db.prepare<[number], PlanRevisionRow>(
      `SELECT ${META_COLUMNS}, plan_json AS planJson FROM plan_revisions WHERE revision = ?`,
    );
    this.#history = db.prepare<[number], PlanRevisionMeta>(
      `SELECT ${META_COLUMNS} FROM plan_revisions ORDER BY revision DESC LIMIT ?`,
    );
    this.#insert = db.prepare<Omit<PlanRevisionRow, 'revision'>>(
      `INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin, author, note, lesson_json, role_changes_json, change_id, device_id, paths_json)
       VALUES (@schemaVersion, @planJson, @savedAt, @origin, @author, @note, @lessonJson, @roleChangesJson, @changeId, @deviceId, @pathsJson)`,
    );
    this.#latestLocal = db.prepare<[], PlanRevisionRow>(
      `SELECT ${META_COLUMNS}, plan_json AS planJson FROM plan_revisions WHERE change_id IS NULL ORDER BY revision DESC LIMIT 1`,
    );
    this.#cellRows = db.prepare<[], { revision: number; changeId: string }>(
      'SELECT revision, change_id AS changeId FROM plan_revisions WHERE change_id IS NOT NULL ORDER BY revision',
    );
    this.#dropFrom = db.prepare<[number]>('DELETE FROM plan_revisions WHERE change_id IS NOT NULL AND revision >= ?');
  }

  /** The newest revision made on this laptop before the cell's plan replaced it. */
  latestLocal(): PlanRevisionRow | undefined {
    return this.#latestLocal.get();
  }

  /** The revisions that show the cell's plan revisions, oldest first. */
  cellRows(): { revision: number; changeId: string }[] {
    return this.#cellRows.all();
  }

  /** Drops the cell's revisions from `revision` on, to write them again in the cell's order. */
  dropCellRowsFrom(revision: number): void {
    this.#dropFrom.run(revision);
  }

  latest(): PlanRevisionRow | undefined {
    return this.#latest.get();
  }

  revision(revision: number): PlanRevisionRow | undefined {
    return this.#byRevision.get(revision);
  }

  history(limit: number): PlanRevisionMeta[] {
    return this.#history.all(limit);
  }

  append(row: Omit<PlanRevisionRow, 'revision'>): number {
    const info = this.#insert.run(row);
    return Number(info.lastInsertRowid);
  }
}
