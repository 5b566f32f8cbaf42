// SQL for the exercise debrief: the injected mentions that ask the cell a question.
import type { Db } from '../../platform/db/openDatabase';

export class ExerciseQuestionRepository {
  readonly #questions;

  constructor(db: Db) {
    this.#questions = db.prepare<[], { id: number; externalId: string }>(
      `SELECT m.id, m.external_id AS externalId FROM mentions m JOIN sources s ON s.id = m.source_id
       WHERE s.kind = 'exercise' AND instr(m.text, '?') > 0`,
    );
  }

  questions(): { id: number; externalId: string }[] {
    return this.#questions.all();
  }
}
