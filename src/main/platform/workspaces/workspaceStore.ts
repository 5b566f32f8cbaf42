// Opens and keeps the workspace databases: one encrypted file per workspace, live and exercises apart.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/envelope';
import { workspaceIdSchema, type WorkspaceId, type WorkspaceKind } from '../../../shared/domain/workspace';
import type { Clock } from '../clock';
import { openDatabase, type Db } from '../db/openDatabase';
import { rekey } from '../db/maintenance';
import type { MigrationHooks } from '../db/migrations/types';
import { SettingsRepository } from './settingsRepository';
import { failure } from '../i18n/failure';

/** Supplies the key of a workspace database and its secret (the key ring, see security/keyRing). */
export interface KeyProvider {
  keyFor(workspaceId: WorkspaceId, keyPath: string): Buffer;
  /** The workspace secret: never stored in the database; features derive their own keys from it. */
  secretFor(workspaceId: WorkspaceId, keyPath: string): Buffer;
  /** Makes `keyPath` hold the database key of another key file (a backup's), keeping the workspace secret. */
  adoptKeyFile(workspaceId: WorkspaceId, keyPath: string, fromPath: string): void;
  /** The key of a rotation that was interrupted before its key file was switched, if any. */
  stagedKeyFor(workspaceId: WorkspaceId, keyPath: string): Buffer | undefined;
  stageKey(workspaceId: WorkspaceId, keyPath: string, key: Buffer): void;
  commitStagedKey(keyPath: string): void;
}

export interface OpenWorkspace {
  readonly id: WorkspaceId;
  readonly kind: WorkspaceKind;
  readonly createdAt: string;
  readonly db: Db;
}

export class WorkspaceStore {
  readonly #dir: string;
  readonly #open = new Map<WorkspaceId, OpenWorkspace>();
  #closed = false;

  constructor(
    dataDir: string,
    private readonly keys: KeyProvider,
    private readonly clock: Clock,
    /**
     * Migration steps that need the workspace's keys (see MigrationHooks), supplied by the features. Required:
     * a workspace created without the crisis log's hook would have no anchored head.
     */
    private readonly hooks: (id: WorkspaceId) => MigrationHooks,
  ) {
    this.#dir = join(dataDir, 'workspaces');
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
  }

  ids(): WorkspaceId[] {
    return readdirSync(this.#dir)
      .filter((f) => f.endsWith('.db'))
      .map((f) => f.slice(0, -3))
      .filter((id) => workspaceIdSchema.safeParse(id).success)
      .sort();
  }

  exists(id: WorkspaceId): boolean {
    return this.#open.has(id) || existsSync(this.#dbPath(id));
  }

  /** Creates the workspace database if missing; its kind is fixed at creation. */
  create(id: WorkspaceId, kind: WorkspaceKind): OpenWorkspace {
    if (this.exists(id)) throw failure('CONFLICT', 'platform.workspaces.exists', { id });
    const db = this.#openDb(id);
    const meta = { workspaceId: id, kind, createdAt: this.clock.now().toISOString() };
    new SettingsRepository(db).insertMeta(meta);
    const ws = { id, kind, createdAt: meta.createdAt, db };
    this.#open.set(id, ws);
    return ws;
  }

  get(id: WorkspaceId): OpenWorkspace {
    const cached = this.#open.get(id);
    if (cached) return cached;
    // Work still under way when the core closed must not reopen a database: its lock would outlive the process's
    // use of it and stop the next one (a restart, a passphrase change) from opening the file.
    if (this.#closed) throw failure('UNAVAILABLE', 'platform.workspaces.closed', { id });
    if (!existsSync(this.#dbPath(id))) throw failure('NOT_FOUND', 'platform.workspaces.missing', { id });
    const db = this.#openDb(id);
    const meta = new SettingsRepository(db).getMeta();
    if (!meta) {
      db.close();
      throw failure('UNAVAILABLE', 'platform.workspaces.noMetadata', { id });
    }
    const ws = { id, kind: meta.kind, createdAt: meta.createdAt, db };
    this.#open.set(id, ws);
    return ws;
  }

  close(): void {
    this.#closed = true;
    for (const ws of this.#open.values()) ws.db.close();
    this.#open.clear();
  }

  /** Closes one workspace (before its file is replaced); the next `get` reopens it. */
  closeOne(id: WorkspaceId): void {
    this.#open.get(id)?.db.close();
    this.#open.delete(id);
  }

  dbPath(id: WorkspaceId): string {
    return this.#dbPath(id);
  }

  keyPath(id: WorkspaceId): string {
    return this.#keyPath(id);
  }

  /** The file beside the key that anchors the crisis log's head outside the database. */
  anchorPath(id: WorkspaceId): string {
    return join(this.#dir, `${id}.head`);
  }

  secret(id: WorkspaceId): Buffer {
    return this.keys.secretFor(id, this.#keyPath(id));
  }

  #dbPath(id: WorkspaceId): string {
    return join(this.#dir, `${id}.db`);
  }

  /**
   * Re-encrypts a workspace database under a fresh key. The new key is written beside the old one before
   * the database changes, so a crash at any point leaves a key that opens it (see #openDb).
   */
  rotateKey(id: WorkspaceId): void {
    const ws = this.get(id);
    const keyPath = this.#keyPath(id);
    const next = randomBytes(32);
    this.keys.stageKey(id, keyPath, next);
    rekey(ws.db, next);
    this.keys.commitStagedKey(keyPath);
  }

  #keyPath(id: WorkspaceId): string {
    return join(this.#dir, `${id}.key`);
  }

  #openDb(id: WorkspaceId): Db {
    const path = this.#dbPath(id);
    const keyPath = this.#keyPath(id);
    try {
      return openDatabase({ path, key: this.keys.keyFor(id, keyPath), hooks: this.hooks(id) });
    } catch (error) {
      const staged = error instanceof AppFailure && error.code === 'FORBIDDEN' ? this.keys.stagedKeyFor(id, keyPath) : undefined;
      if (!staged) throw error;
      const db = openDatabase({ path, key: staged, hooks: this.hooks(id) });
      this.keys.commitStagedKey(keyPath);
      return db;
    }
  }
}
