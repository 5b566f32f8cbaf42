// Electron safeStorage as the key ring's OS secret store, only where a real keychain backs it.
import { safeStorage } from 'electron';
import type { OsSecretStore } from '../platform/security/keyRing';

/**
 * On Linux without a secret service, safeStorage falls back to `basic_text` with a hard-coded password:
 * no protection at all, so the cell must use a passphrase there instead.
 */
export function osSecretStore(): OsSecretStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
