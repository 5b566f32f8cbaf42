// Interim key storage: a random key in a 0600 file beside the database (issue #9 replaces it with the
// OS keychain or a passphrase).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const KEY_BYTES = 32;

/** Returns the key stored at `path`, creating it (mode 0600) on first use. */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    const key = randomBytes(KEY_BYTES);
    // 'wx' fails if another process created the file meanwhile, rather than overwriting its key.
    writeFileSync(path, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`Key file ${path} is damaged: expected 64 hexadecimal characters.`);
  return Buffer.from(hex, 'hex');
}
