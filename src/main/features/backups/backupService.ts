// Encrypted backups of a workspace: an online copy (VACUUM INTO keeps the database's encryption) plus
// the wrapped key it opens with. Restore checks the copy before swapping files, then verifies the crisis
// log chain and rolls back if it does not hold.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/envelope';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { openDatabase } from '../../platform/db/openDatabase';
import { integrityCheck, vacuumInto } from '../../platform/db/maintenance';
import type { KeyProvider, WorkspaceStore } from '../../platform/workspaces/workspaceStore';

export interface BackupInfo {
  readonly name: string;
  readonly createdAt: string;
  readonly sizeBytes: number;
}

export interface RestoreCheck {
  /** Walks the restored workspace's crisis log chain; `ok: false` aborts the restore. */
  (workspaceId: WorkspaceId): { ok: boolean; detail: string };
}

const NAME = /^(\d{8}T\d{6}Z)(-\d+)?\.db$/;

export class BackupService {
  readonly #root: string;

  constructor(
    dataDir: string,
    private readonly store: WorkspaceStore,
    private readonly keys: KeyProvider,
    private readonly clock: Clock,
    private readonly checkRestored: RestoreCheck,
  ) {
    this.#root = join(dataDir, 'backups');
  }

  create(workspaceId: WorkspaceId): BackupInfo {
    const ws = this.store.get(workspaceId);
    const dir = this.#dir(workspaceId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = this.#freeName(dir);
    const target = join(dir, name);
    vacuumInto(ws.db, target);
    copyFileSync(this.store.keyPath(workspaceId), `${target.slice(0, -3)}.key`);
    return this.#info(dir, name);
  }

  list(workspaceId: WorkspaceId): BackupInfo[] {
    const dir = this.#dir(workspaceId);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => NAME.test(f))
      .sort()
      .reverse()
      .map((f) => this.#info(dir, f));
  }

  restore(workspaceId: WorkspaceId, name: string): { restored: BackupInfo; log: string } {
    if (!NAME.test(name)) throw new AppFailure('INVALID_INPUT', 'Not a backup name.');
    const dir = this.#dir(workspaceId);
    const backup = join(dir, name);
    const backupKey = `${backup.slice(0, -3)}.key`;
    if (!existsSync(backup) || !existsSync(backupKey)) throw new AppFailure('NOT_FOUND', `No backup ${name}.`);

    const key = this.keys.keyFor(workspaceId, backupKey);
    const probe = openDatabase({ path: backup, key, readonly: true });
    try {
      const integrity = integrityCheck(probe);
      if (integrity !== 'ok') throw new AppFailure('UNAVAILABLE', `Backup ${name} is damaged: ${integrity}.`);
    } finally {
      probe.close();
    }

    const live = this.store.dbPath(workspaceId);
    const liveKey = this.store.keyPath(workspaceId);
    const aside = `${live}.before-restore`;
    this.store.closeOne(workspaceId);
    for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
    renameSync(live, aside);
    copyFileSync(liveKey, `${aside}.key`);
    copyFileSync(backup, live);
    copyFileSync(backupKey, liveKey);

    const check = this.#safeCheck(workspaceId);
    if (!check.ok) {
      this.store.closeOne(workspaceId);
      rmSync(live, { force: true });
      renameSync(aside, live);
      renameSync(`${aside}.key`, liveKey);
      throw new AppFailure('CONFLICT', `Backup ${name} was not restored: ${check.detail}`);
    }
    rmSync(aside, { force: true });
    rmSync(`${aside}.key`, { force: true });
    return { restored: this.#info(dir, name), log: check.detail };
  }

  #safeCheck(workspaceId: WorkspaceId): { ok: boolean; detail: string } {
    try {
      return this.checkRestored(workspaceId);
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  #dir(workspaceId: WorkspaceId): string {
    return join(this.#root, workspaceId);
  }

  #freeName(dir: string): string {
    const stamp = this.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let name = `${stamp}.db`;
    for (let i = 2; existsSync(join(dir, name)); i++) name = `${stamp}-${i}.db`;
    return name;
  }

  #info(dir: string, name: string): BackupInfo {
    const stamp = NAME.exec(name)?.[1] ?? '';
    const createdAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    return { name, createdAt: new Date(createdAt).toISOString(), sizeBytes: statSync(join(dir, name)).size };
  }
}
