// SQL for lessons-learned answers.
import type { Db } from '../../platform/db/openDatabase';

export interface LessonRow {
  readonly id: number;
  readonly submittedAt: string;
  readonly author: string | null;
  readonly authorRole: string | null;
  readonly wentWell: string;
  readonly wentBadly: string;
  readonly actionsJson: string;
}

export class LessonsRepository {
  readonly #list;
  readonly #insert;

  constructor(db: Db) {
    this.#list = db.prepare<[], LessonRow>(
      `SELECT id, submitted_at AS submittedAt, author, author_role AS authorRole, went_well AS wentWell,
              went_badly AS wentBadly, actions_json AS actionsJson
       FROM lessons_learned ORDER BY id`,
    );
    this.#insert = db.prepare<[string, string | null, string | null, string, string, string]>(
      `INSERT INTO lessons_learned (submitted_at, author, author_role, went_well, went_badly, actions_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  list(): LessonRow[] {
    return this.#list.all();
  }

  insert(row: Omit<LessonRow, 'id'>): number {
    return Number(this.#insert.run(row.submittedAt, row.author, row.authorRole, row.wentWell, row.wentBadly, row.actionsJson).lastInsertRowid);
  }
}
