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
}

export interface PlanRevisionRow extends PlanRevisionMeta {
  readonly planJson: string;
}

const META_COLUMNS =
  'revision, schema_version AS schemaVersion, saved_at AS savedAt, origin, author, note, lesson_json AS lessonJson, role_changes_json AS roleChangesJson';

export class PlanRepository {
  readonly #latest;
  readonly #byRevision;
  readonly #history;
  readonly #insert;

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
    this.#insert = db.prepare<[number, string, string, string, string, string, string | null, string | null]>(
      `INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin, author, note, lesson_json, role_changes_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
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
    const info = this.#insert.run(row.schemaVersion, row.planJson, row.savedAt, row.origin, row.author, row.note, row.lessonJson, row.roleChangesJson);
    return Number(info.lastInsertRowid);
  }
}
