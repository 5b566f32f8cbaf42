// SQL for the exercise scenarios a cell imported (kept in the live workspace).
import type { Db } from '../../platform/db/openDatabase';

export class CustomScenarioRepository {
  readonly #list;
  readonly #put;
  readonly #delete;

  constructor(db: Db) {
    this.#list = db.prepare<[], { json: string }>('SELECT script_json AS json FROM custom_scenarios ORDER BY id');
    this.#put = db.prepare<[string, string, string]>(
      `INSERT INTO custom_scenarios (id, script_json, imported_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET script_json = excluded.script_json, imported_at = excluded.imported_at`,
    );
    this.#delete = db.prepare<[string]>('DELETE FROM custom_scenarios WHERE id = ?');
  }

  list(): unknown[] {
    return this.#list.all().map((row) => JSON.parse(row.json) as unknown);
  }

  put(id: string, script: unknown, at: string): void {
    this.#put.run(id, JSON.stringify(script), at);
  }

  delete(id: string): boolean {
    return this.#delete.run(id).changes > 0;
  }
}
