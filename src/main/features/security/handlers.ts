// Contract handlers for `security:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import type { RecordedSecurity } from './recordedSecurity';

export const securityHandlers = (security: RecordedSecurity, policy: NetworkPolicy): HandlersFor<'security'> => ({
  'security:status': () => security.status(),
  'security:setPassphrase': ({ next, current }) => security.setPassphrase(next, current),
  'security:unlock': ({ passphrase }) => security.unlock(passphrase),
  'security:rotateKey': ({ workspaceId }) => security.rotateKey(workspaceId),
  'security:signingKey': ({ workspaceId }) => security.signingKey(workspaceId),
  'security:networkPolicy': ({ workspaceId }) => {
    const view = policy.view(workspaceId);
    return { sealed: view.sealed, allowed: [...view.allowed] };
  },
});
