// SQL for the saved state of an exercise's running scenario (one per exercise workspace).
import type { Db } from '../../platform/db/openDatabase';

export class ExerciseRunRepository {
  readonly #load;
  readonly #save;
  readonly #savedAt;

  constructor(db: Db) {
    this.#load = db.prepare<[], { json: string }>('SELECT state_json AS json FROM exercise_run_state WHERE id = 1');
    this.#save = db.prepare<[string, string]>(
      `INSERT INTO exercise_run_state (id, state_json, saved_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state_json = excluded.state_json, saved_at = excluded.saved_at`,
    );
    this.#savedAt = db.prepare<[], { at: string }>('SELECT saved_at AS at FROM exercise_run_state WHERE id = 1');
  }

  load(): string | null {
    return this.#load.get()?.json ?? null;
  }

  /** When the run last moved (started, played, steered or finished), null when none was ever started. */
  savedAt(): string | null {
    return this.#savedAt.get()?.at ?? null;
  }

  save(json: string, at: string): void {
    this.#save.run(json, at);
  }
}
