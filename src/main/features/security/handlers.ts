// Contract handlers for `security:*`.
import { LIVE_WORKSPACE_ID } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { KeyRing } from '../../platform/security/keyRing';
import type { Audit } from '../crisisLog';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export function securityHandlers(
  keyRing: KeyRing,
  store: WorkspaceStore,
  events: EventBus,
  clock: Clock,
  audit: Audit,
): HandlersFor<'security'> {
  const status = () => ({ protection: keyRing.protection, locked: keyRing.locked });
  return {
    'security:status': status,
    'security:setPassphrase': async ({ next, current }) => {
      const before = keyRing.protection;
      await keyRing.setPassphrase(next, current);
      // The passphrase protects the whole data folder; the live workspace's log records it.
      audit(LIVE_WORKSPACE_ID, before === 'passphrase' ? 'passphrase.changed' : 'passphrase.set', 'Data passphrase set or changed.');
      events.emit('security:changed', {});
      return status();
    },
    'security:unlock': async ({ passphrase }) => {
      await keyRing.unlock(passphrase);
      events.emit('security:changed', {});
      return status();
    },
    'security:rotateKey': ({ workspaceId }) => {
      store.rotateKey(workspaceId);
      audit(workspaceId, 'key.rotated', 'Database encryption key rotated.');
      events.emit('security:changed', {});
      return { rotatedAt: clock.now().toISOString() };
    },
  };
}
