// After a change of protection, every workspace database is re-encrypted under a fresh key: a key that sat
// on disk under the old protection (in clear, or copied away before) no longer opens the live data. The key
// ring keeps the rotation due until it is done, so a crash midway finishes it at the next start.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { KeyRing } from '../../platform/security/keyRing';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';

/** Rotates every workspace's key if a change of protection left it due; returns the workspaces rotated. */
export function finishKeyRotation(keyRing: KeyRing, store: WorkspaceStore): WorkspaceId[] {
  if (!keyRing.rotationDue) return [];
  const ids = store.ids();
  for (const id of ids) store.rotateKey(id);
  keyRing.rotationDone();
  return ids;
}
