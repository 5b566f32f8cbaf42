import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { SqliteStorageAdapter } from '../../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0020 sync_chunks', () => {
  it('stores automerge-repo chunks by key, with exact prefix ranges', async () => {
    const db = databaseAt(19);
    migrate(db, 20);
    expect(getUserVersion(db)).toBe(20);
    const storage = new SqliteStorageAdapter(() => db);
    await storage.save(['doc1', 'incremental', 'h1'], new Uint8Array([1]));
    await storage.save(['doc1', 'snapshot', 'h2'], new Uint8Array([2]));
    // A document id that is a string prefix of another must not fall in its range.
    await storage.save(['doc10', 'snapshot', 'h3'], new Uint8Array([3]));
    await storage.save(['doc/%_', 'sync-state', 'p'], new Uint8Array([4]));
    expect((await storage.loadRange(['doc1'])).map((c) => c.key)).toEqual([['doc1', 'incremental', 'h1'], ['doc1', 'snapshot', 'h2']]);
    expect(await storage.load(['doc/%_', 'sync-state', 'p'])).toEqual(new Uint8Array([4]));
    await storage.removeRange(['doc1']);
    expect(await storage.loadRange(['doc1'])).toEqual([]);
    expect(await storage.load(['doc10', 'snapshot', 'h3'])).toEqual(new Uint8Array([3]));
    expect(() => db.prepare("INSERT INTO cell_local (name, value_json) VALUES ('x', 'nope')").run()).toThrow(/CHECK/);
    db.close();
  });
});
