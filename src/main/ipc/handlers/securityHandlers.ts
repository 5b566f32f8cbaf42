// Contract handlers for `security:*`.
import type { Clock } from '../../core/clock';
import type { EventBus } from '../../core/eventBus';
import type { KeyRing } from '../../security/keyRing';
import type { WorkspaceStore } from '../../services/workspaces/workspaceStore';
import type { HandlersFor } from './types';

export function securityHandlers(keyRing: KeyRing, store: WorkspaceStore, events: EventBus, clock: Clock): HandlersFor<'security'> {
  const status = () => ({ protection: keyRing.protection, locked: keyRing.locked });
  return {
    'security:status': status,
    'security:setPassphrase': async ({ next, current }) => {
      await keyRing.setPassphrase(next, current);
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
      events.emit('security:changed', {});
      return { rotatedAt: clock.now().toISOString() };
    },
  };
}
