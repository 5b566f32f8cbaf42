// SQL for watches and the sources each one is limited to.
import type { Watch } from '../../../shared/domain/watch';
import type { Db } from '../../platform/db/openDatabase';

interface WatchRow {
  id: number;
  name: string;
  keywordsJson: string;
  exclusionsJson: string;
  languagesJson: string;
  authorsJson: string;
  enabled: number;
  createdAt: string;
  updatedAt: string;
  sourceIdsCsv: string | null;
}

export interface WatchValues {
  readonly name: string;
  readonly keywords: readonly string[];
  readonly exclusions: readonly string[];
  readonly languages: readonly string[];
  readonly authors: readonly string[];
  readonly sourceIds: readonly number[];
  readonly enabled: boolean;
}

const SELECT = `
  SELECT w.id, w.name, w.keywords_json AS keywordsJson, w.exclusions_json AS exclusionsJson,
         w.languages_json AS languagesJson, w.authors_json AS authorsJson, w.enabled, w.created_at AS createdAt, w.updated_at AS updatedAt,
         (SELECT group_concat(source_id) FROM watch_sources ws WHERE ws.watch_id = w.id) AS sourceIdsCsv
  FROM watches w`;

const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  name: r.name,
  keywords: JSON.parse(r.keywordsJson) as string[],
  exclusions: JSON.parse(r.exclusionsJson) as string[],
  languages: JSON.parse(r.languagesJson) as string[],
  authors: JSON.parse(r.authorsJson) as string[],
  sourceIds: r.sourceIdsCsv ? r.sourceIdsCsv.split(',').map(Number).sort((a, b) => a - b) : [],
  enabled: r.enabled === 1,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export class WatchRepository {
  readonly #db: Db;
  readonly #all;
  readonly #one;
  readonly #insert;
  readonly #update;
  readonly #delete;
  readonly #clearSources;
  readonly #addSource;

  constructor(db: Db) {
    this.#db = db;
    this.#all = db.prepare<[], WatchRow>(`${SELECT} ORDER BY w.name COLLATE NOCASE, w.id`);
    this.#one = db.prepare<[number], WatchRow>(`${SELECT} WHERE w.id = ?`);
    this.#insert = db.prepare<[string, string, string, string, string, number, string, string]>(
      `INSERT INTO watches (name, keywords_json, exclusions_json, languages_json, authors_json, enabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#update = db.prepare<[string, string, string, string, string, number, string, number]>(
      `UPDATE watches SET name = ?, keywords_json = ?, exclusions_json = ?, languages_json = ?, authors_json = ?, enabled = ?, updated_at = ?
       WHERE id = ?`,
    );
    this.#delete = db.prepare<[number]>('DELETE FROM watches WHERE id = ?');
    this.#clearSources = db.prepare<[number]>('DELETE FROM watch_sources WHERE watch_id = ?');
    this.#addSource = db.prepare<[number, number]>('INSERT OR IGNORE INTO watch_sources (watch_id, source_id) VALUES (?, ?)');
  }

  list(): Watch[] {
    return this.#all.all().map(toWatch);
  }

  get(id: number): Watch | undefined {
    const row = this.#one.get(id);
    return row ? toWatch(row) : undefined;
  }

  create(values: WatchValues, now: string): number {
    return this.#db.transaction(() => {
      const id = Number(this.#insert.run(...this.#columns(values), now, now).lastInsertRowid);
      this.#setSources(id, values.sourceIds);
      return id;
    })();
  }

  update(id: number, values: WatchValues, now: string): boolean {
    return this.#db.transaction(() => {
      const changed = this.#update.run(...this.#columns(values), now, id).changes > 0;
      if (changed) this.#setSources(id, values.sourceIds);
      return changed;
    })();
  }

  delete(id: number): boolean {
    return this.#delete.run(id).changes > 0;
  }

  #columns(v: WatchValues): [string, string, string, string, string, number] {
    return [v.name, JSON.stringify(v.keywords), JSON.stringify(v.exclusions), JSON.stringify(v.languages), JSON.stringify(v.authors), v.enabled ? 1 : 0];
  }

  #setSources(id: number, sourceIds: readonly number[]): void {
    this.#clearSources.run(id);
    for (const sourceId of sourceIds) this.#addSource.run(id, sourceId);
  }
}
