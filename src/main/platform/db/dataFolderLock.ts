// One Tocsin process per data folder: two (the desktop app and browser mode, say) would each run the outbox and
// re-queue the rows the other is sending. The lock is SQLite's exclusive lock on a small file of its own, an
// operating-system lock that dies with its process however the process ends, so a crashed run leaves nothing to
// clear; a note beside it names the holder for the message the next start shows.
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { localeOf, translator } from '../i18n/translator';

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  shell: z.enum(['electron', 'browser', 'relay']),
  since: z.iso.datetime(),
  version: z.string().max(100),
});
export type LockOwner = z.infer<typeof ownerSchema>;

export interface DataFolderLock {
  readonly owner: LockOwner;
  release(): void;
}

/** The folder is held by another live process; `owner` is undefined when its note cannot be read. */
export class DataFolderInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(dataFolderInUseText(dataDir, owner, 'en'));
    this.name = 'DataFolderInUse';
  }

  /** The title and text a shell shows, in the person's language, the start time in local time. */
  wording(language: 'en' | 'fr'): { title: string; text: string } {
    return { title: translator(language)('security.dataFolderInUse.title'), text: dataFolderInUseText(this.dataDir, this.owner, language) };
  }
}

function dataFolderInUseText(dir: string, owner: LockOwner | undefined, language: 'en' | 'fr'): string {
  const t = translator(language, 'security.dataFolderInUse');
  return owner
    ? t('held', { dir, shell: t(owner.shell), pid: owner.pid, since: new Date(owner.since).toLocaleString(localeOf(language)) })
    : t('heldUnknown', { dir });
}

const LOCK_FILE = 'tocsin.lock';
const OWNER_FILE = 'tocsin.lock.json';

/** Takes the folder for this process, or throws DataFolderInUse naming the process that has it. */
export function lockDataFolder(dataDir: string, who: Pick<LockOwner, 'shell' | 'version'>, now: Date = new Date()): DataFolderLock {
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Never committed: the exclusive lock is held from here until release or the end of the process.
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUse(dataDir, currentOwner(dataDir));
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, shell: who.shell, since: now.toISOString(), version: who.version };
  const notePath = join(dataDir, OWNER_FILE);
  writeFileSync(`${notePath}.${process.pid}`, JSON.stringify(owner), { mode: 0o600 });
  renameSync(`${notePath}.${process.pid}`, notePath);
  let held = true;
  return {
    owner,
    release() {
      if (!held) return;
      held = false;
      rmSync(notePath, { force: true });
      db.close();
    },
  };
}

/**
 * The holder's note. It is written just after the lock is taken, so a start racing another may find the
 * previous holder's note, or none, for an instant: it reads again briefly until the note names a live process.
 */
function currentOwner(dataDir: string): LockOwner | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const owner = readOwner(join(dataDir, OWNER_FILE));
    if (owner && isAlive(owner.pid)) return owner;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
  return undefined;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return ownerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))).data;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
