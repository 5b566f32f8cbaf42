// automerge-repo's storage over the encrypted workspace database (never NodeFSStorageAdapter, which writes
// clear files). Calls are synchronous under the hood: better-sqlite3 commits before the promise resolves.
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo';
import type { Db } from '../db/openDatabase';
import { SyncChunksRepository } from './syncChunksRepository';

// Each part is URI-encoded so '/' only ever separates parts, which keeps prefix ranges exact.
const encodeKey = (key: StorageKey): string => key.map((part) => encodeURIComponent(part)).join('/');
const decodeKey = (key: string): StorageKey => key.split('/').map((part) => decodeURIComponent(part));

export class SqliteStorageAdapter implements StorageAdapterInterface {
  readonly #chunks: SyncChunksRepository;
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
    this.#chunks = new SyncChunksRepository(db);
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const data = this.#chunks.load(encodeKey(key));
    return data && new Uint8Array(data);
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    // automerge-repo saves on a throttle that can fire after the workspace closed. Local changes are flushed
    // before the call that made them returns; what is late is sync state or changes that came from a peer, which
    // the cell still holds and sends again at the next meeting.
    if (!this.#db.open) return;
    this.#chunks.save(encodeKey(key), data);
  }

  async remove(key: StorageKey): Promise<void> {
    this.#chunks.remove(encodeKey(key));
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    return this.#chunks.loadPrefix(encodeKey(keyPrefix)).map((row) => ({ key: decodeKey(row.key), data: new Uint8Array(row.data) }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    this.#chunks.removePrefix(encodeKey(keyPrefix));
  }
}
