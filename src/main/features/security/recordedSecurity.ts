// Protection of the data folder as the cell sees it: each change recorded in the crisis log and announced.
import { LIVE_WORKSPACE_ID, type WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { KeyRing } from '../../platform/security/keyRing';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { Audit } from '../crisisLog';
import { finishKeyRotation } from './keyRotation';
import { signingKeyFor } from './signingKey';

export type RecordedSecurity = ReturnType<typeof recordedSecurity>;

export function recordedSecurity(keyRing: KeyRing, store: WorkspaceStore, events: EventBus, clock: Clock, audit: Audit) {
  const status = () => ({ protection: keyRing.protection, locked: keyRing.locked });
  return {
    status,
    async setPassphrase(next: string, current?: string) {
      const before = keyRing.protection;
      await keyRing.setPassphrase(next, current);
      const rotated = finishKeyRotation(keyRing, store);
      // The passphrase protects the whole data folder; the live workspace's log records it.
      audit(LIVE_WORKSPACE_ID, before === 'passphrase' ? 'passphrase.changed' : 'passphrase.set');
      for (const id of rotated) audit(id, 'key.rotated');
      events.emit('security:changed', {});
      return status();
    },
    async unlock(passphrase: string) {
      await keyRing.unlock(passphrase);
      events.emit('security:changed', {});
      return status();
    },
    rotateKey(workspaceId: WorkspaceId) {
      store.rotateKey(workspaceId);
      audit(workspaceId, 'key.rotated');
      events.emit('security:changed', {});
      return { rotatedAt: clock.now().toISOString() };
    },
    /** A change of protection interrupted before every database had a fresh key is finished (at start-up). */
    finishRotation() {
      for (const id of finishKeyRotation(keyRing, store)) audit(id, 'key.rotated');
    },
    signingKey(workspaceId: WorkspaceId) {
      store.get(workspaceId);
      return { fingerprint: signingKeyFor(store.secret(workspaceId), workspaceId).fingerprint };
    },
  };
}
