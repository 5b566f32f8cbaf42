// The security feature: the data folder's protection (keychain or passphrase), key rotation, and the sealed
// mode's allow-list as the screens show it.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import type { KeyRing } from '../../platform/security/keyRing';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { Audit } from '../crisisLog';
import { securityHandlers } from './handlers';
import { recordedSecurity } from './recordedSecurity';

export function createSecurity(deps: { keyRing: KeyRing; store: WorkspaceStore; network: NetworkPolicy; events: EventBus; clock: Clock; audit: Audit }): FeatureModule {
  const security = recordedSecurity(deps.keyRing, deps.store, deps.events, deps.clock, deps.audit);
  return { handlers: securityHandlers(security, deps.network), start: () => security.finishRotation() };
}
