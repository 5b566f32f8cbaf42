// SQL of the Automerge chunk store: one row per automerge-repo storage key, the key's parts joined by '/'.
import type { Db } from '../db/openDatabase';

export interface ChunkRow {
  readonly key: string;
  readonly data: Buffer;
}

export class SyncChunksRepository {
  readonly #load;
  readonly #save;
  readonly #remove;
  readonly #loadPrefix;
  readonly #removePrefix;

  constructor(db: Db) {
    this.#load = db.prepare<[string], { data: Buffer }>('SELECT data FROM sync_chunks WHERE key = ?');
    this.#save = db.prepare('INSERT INTO sync_chunks (key, data) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data');
    this.#remove = db.prepare('DELETE FROM sync_chunks WHERE key = ?');
    // substr rather than LIKE: a key part may hold '%' or '_' once encoded.
    this.#loadPrefix = db.prepare<[string, string, string], ChunkRow>(
      'SELECT key, data FROM sync_chunks WHERE key = ? OR substr(key, 1, length(?)) = ? ORDER BY key',
    );
    this.#removePrefix = db.prepare('DELETE FROM sync_chunks WHERE key = ? OR substr(key, 1, length(?)) = ?');
  }

  load(key: string): Buffer | undefined {
    return this.#load.get(key)?.data;
  }

  save(key: string, data: Uint8Array): void {
    this.#save.run(key, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  remove(key: string): void {
    this.#remove.run(key);
  }

  /** Rows whose key is `prefix` or starts with `prefix/`. */
  loadPrefix(prefix: string): ChunkRow[] {
    const below = `${prefix}/`;
    return this.#loadPrefix.all(prefix, below, below);
  }

  removePrefix(prefix: string): void {
    const below = `${prefix}/`;
    this.#removePrefix.run(prefix, below, below);
  }
}
