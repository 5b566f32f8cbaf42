// Contract handlers for `security:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { RecordedSecurity } from './recordedSecurity';

export const securityHandlers = (security: RecordedSecurity): HandlersFor<'security'> => ({
  'security:status': () => security.status(),
  'security:setPassphrase': ({ next, current }) => security.setPassphrase(next, current),
  'security:unlock': ({ passphrase }) => security.unlock(passphrase),
  'security:rotateKey': ({ workspaceId }) => security.rotateKey(workspaceId),
});
