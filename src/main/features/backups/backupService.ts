// Encrypted backups of a workspace: an online copy (VACUUM INTO keeps the database's encryption) plus
// the key file it opens with (wrapped like every key file of the data folder) and the crisis log's anchored
// head. Restore checks the copy before swapping files, verifies the crisis log against the backup's anchor,
// rolls back if it does not hold, and re-encrypts the restored database under a fresh key.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { openDatabase } from '../../platform/db/openDatabase';
import { integrityCheck, vacuumInto } from '../../platform/db/maintenance';
import { copyFileAtomic, renameDurably } from '../../platform/files/atomicFile';
import type { KeyProvider, WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { failure } from '../../platform/i18n/failure';

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
    /** Brings the crisis log's anchor file up to date before it is copied. */
    private readonly settleAnchor: () => void = () => {},
  ) {
    this.#root = join(dataDir, 'backups');
  }

  create(workspaceId: WorkspaceId): BackupInfo {
    const ws = this.store.get(workspaceId);
    const dir = this.#dir(workspaceId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = this.#freeName(dir);
    const target = join(dir, name);
    this.settleAnchor();
    vacuumInto(ws.db, target);
    const base = target.slice(0, -3);
    copyFileAtomic(this.store.keyPath(workspaceId), `${base}.key`);
    const anchor = this.store.anchorPath(workspaceId);
    if (existsSync(anchor)) copyFileAtomic(anchor, `${base}.head`);
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
    if (!NAME.test(name)) throw failure('INVALID_INPUT', 'platform.backups.notAName');
    const dir = this.#dir(workspaceId);
    const backup = join(dir, name);
    const backupKey = `${backup.slice(0, -3)}.key`;
    const backupAnchor = `${backup.slice(0, -3)}.head`;
    if (!existsSync(backup) || !existsSync(backupKey)) throw failure('NOT_FOUND', 'platform.backups.missing', { name });

    const key = this.keys.keyFor(workspaceId, backupKey);
    const probe = openDatabase({ path: backup, key, readonly: true });
    try {
      const integrity = integrityCheck(probe);
      if (integrity !== 'ok') throw failure('UNAVAILABLE', 'platform.backups.damaged', { name, detail: integrity });
    } finally {
      probe.close();
    }

    const live = this.store.dbPath(workspaceId);
    const liveKey = this.store.keyPath(workspaceId);
    const liveAnchor = this.store.anchorPath(workspaceId);
    const aside = `${live}.before-restore`;
    this.settleAnchor();
    this.store.closeOne(workspaceId);
    for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
    renameSync(live, aside);
    copyFileAtomic(liveKey, `${aside}.key`);
    if (existsSync(liveAnchor)) copyFileAtomic(liveAnchor, `${aside}.head`);
    copyFileSync(backup, live);
    this.keys.adoptKeyFile(workspaceId, liveKey, backupKey);
    // A backup made before anchors existed gets one when migration 17 re-chains its log on opening.
    if (existsSync(backupAnchor)) copyFileAtomic(backupAnchor, liveAnchor);
    else rmSync(liveAnchor, { force: true });

    const check = this.#safeCheck(workspaceId);
    if (!check.ok) {
      this.store.closeOne(workspaceId);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
      renameDurably(aside, live);
      renameDurably(`${aside}.key`, liveKey);
      if (existsSync(`${aside}.head`)) renameDurably(`${aside}.head`, liveAnchor);
      else rmSync(liveAnchor, { force: true });
      throw failure('CONFLICT', 'platform.backups.notRestored', { name, detail: check.detail });
    }
    for (const suffix of ['', '.key', '.head']) rmSync(`${aside}${suffix}`, { force: true });
    // The backup's key may be one that sat on disk under an older protection: the live data gets a new one.
    this.store.rotateKey(workspaceId);
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
