// automerge-repo's storage over the encrypted workspace database (never NodeFSStorageAdapter, which writes
// clear files). Calls are synchronous under the hood: better-sqlite3 commits before the promise resolves.
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo';
import type { Db } from '../db/openDatabase';
import { SyncChunksRepository } from './syncChunksRepository';

// Each part is URI-encoded so '/' only ever separates parts, which keeps prefix ranges exact.
const encodeKey = (key: StorageKey): string => key.map((part) => encodeURIComponent(part)).join('/');
const decodeKey = (key: string): StorageKey => key.split('/').map((part) => decodeURIComponent(part));

export class SqliteStorageAdapter implements StorageAdapterInterface {
  readonly #chunks = new WeakMap<Db, SyncChunksRepository>();

  /**
   * `database` gives the workspace's open connection, which a restore may replace, or undefined once the
   * workspace has closed for good.
   */
  constructor(private readonly database: () => Db | undefined) {}

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const data = this.#repository()?.load(encodeKey(key));
    return data && new Uint8Array(data);
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    this.#repository()?.save(encodeKey(key), data);
  }

  async remove(key: StorageKey): Promise<void> {
    this.#repository()?.remove(encodeKey(key));
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    return (this.#repository()?.loadPrefix(encodeKey(keyPrefix)) ?? []).map((row) => ({ key: decodeKey(row.key), data: new Uint8Array(row.data) }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    this.#repository()?.removePrefix(encodeKey(keyPrefix));
  }

  /**
   * automerge-repo saves on a throttle that can fire after the workspace closed. Local changes are flushed before
   * the call that made them returns; what comes late is sync state or changes from a peer, which the cell still
   * holds and sends again at the next meeting.
   */
  #repository(): SyncChunksRepository | undefined {
    const db = this.database();
    if (!db?.open) return undefined;
    let repository = this.#chunks.get(db);
    if (!repository) {
      repository = new SyncChunksRepository(db);
      this.#chunks.set(db, repository);
    }
    return repository;
  }
}
