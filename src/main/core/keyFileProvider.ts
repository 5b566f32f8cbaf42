// KeyProvider backed by per-workspace key files (interim until issue #9's keychain/passphrase).
import { loadOrCreateKeyFile } from '../db/keyFile';
import type { KeyProvider } from '../services/workspaces/workspaceStore';

export const keyFileProvider: KeyProvider = {
  keyFor: (_workspaceId, keyPath) => loadOrCreateKeyFile(keyPath),
};
