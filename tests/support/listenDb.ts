// An in-memory workspace at the latest schema, with helpers to add sources and watches for listening tests.
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/platform/db/migrate';
import type { Db } from '../../src/main/platform/db/openDatabase';
import { SourceRepository } from '../../src/main/features/sources/sourceRepository';
import { WatchRepository } from '../../src/main/features/watches/watchRepository';
import type { OpenWorkspace } from '../../src/main/platform/workspaces/workspaceStore';

export interface ListenDb {
  readonly db: Db;
  readonly ws: OpenWorkspace;
  readonly lookup: { get(): OpenWorkspace };
  addSource(kind?: string, name?: string, config?: Record<string, unknown>): number;
  addWatch(name: string, keywords: string[], extra?: { exclusions?: string[]; languages?: string[]; sourceIds?: number[] }): number;
}

export function listenDb(path = ':memory:'): ListenDb {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db);
  const ws: OpenWorkspace = { id: 'live', kind: 'live', createdAt: '2026-01-01T00:00:00.000Z', db };
  const now = '2026-01-01T00:00:00.000Z';
  return {
    db,
    ws,
    lookup: { get: () => ws },
    addSource: (kind = 'rss', name = 'Feed', config = {}) =>
      new SourceRepository(db).create({ kind, name, config, credentials: {}, intervalSeconds: 600 }, now),
    addWatch: (name, keywords, extra = {}) =>
      new WatchRepository(db).create(
        { name, keywords, exclusions: extra.exclusions ?? [], languages: extra.languages ?? [], authors: [], sourceIds: extra.sourceIds ?? [], enabled: true },
        now,
      ),
  };
}
