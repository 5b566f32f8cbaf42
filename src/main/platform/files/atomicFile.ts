// Small files (keys, key ring, chain anchors) replaced so that a crash leaves the old or the new content,
// never a torn file, and no temporary copy left lying beside it.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function writeTemp(tmp: string, data: string | Buffer, mode: number): void {
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename itself durable: the directory entry is flushed too. */
function syncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch (error) {
    // Windows cannot open a directory for fsync; its renames are journalled by NTFS.
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces `path` with `data`: temporary file, fsync, rename, directory fsync; the temporary file never stays. */
export function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${path}.tmp`;
  try {
    writeTemp(tmp, data, mode);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  syncDirectory(path);
}

/** Creates `path` with `data` only if it does not exist yet (EEXIST otherwise), with the same guarantees. */
export function createFileAtomic(path: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${path}.tmp`;
  try {
    writeTemp(tmp, data, mode);
    linkSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  syncDirectory(path);
}

export function copyFileAtomic(from: string, to: string): void {
  writeFileAtomic(to, readFileSync(from));
}

/** Renames durably (the directory entry is flushed). */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  syncDirectory(to);
}
