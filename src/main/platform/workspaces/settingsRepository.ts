// SQL for workspace metadata and settings.
import type { Db } from '../db/openDatabase';
import type { WorkspaceKind } from '../../../shared/domain/workspace';

export interface WorkspaceMetaRow {
  readonly workspaceId: string;
  readonly kind: WorkspaceKind;
  readonly createdAt: string;
}

export class SettingsRepository {
  readonly #getMeta;
  readonly #insertMeta;
  readonly #all;
  readonly #upsert;

  constructor(db: Db) {
    this.#getMeta = db.prepare<[], WorkspaceMetaRow>(
      "SELECT workspace_id AS workspaceId, kind, created_at AS createdAt FROM workspace_meta WHERE id = 'self'",
    );
    this.#insertMeta = db.prepare<[string, string, string]>(
      "INSERT INTO workspace_meta (id, workspace_id, kind, created_at) VALUES ('self', ?, ?, ?)",
    );
    this.#all = db.prepare<[], { key: string; valueJson: string }>('SELECT key, value_json AS valueJson FROM settings');
    this.#upsert = db.prepare<[string, string, string]>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    );
  }

  getMeta(): WorkspaceMetaRow | undefined {
    return this.#getMeta.get();
  }

  insertMeta(meta: WorkspaceMetaRow): void {
    this.#insertMeta.run(meta.workspaceId, meta.kind, meta.createdAt);
  }

  getAll(): Record<string, unknown> {
    return Object.fromEntries(this.#all.all().map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
  }

  setMany(values: Record<string, unknown>, updatedAt: string): void {
    for (const [key, value] of Object.entries(values)) this.#upsert.run(key, JSON.stringify(value), updatedAt);
  }
}
