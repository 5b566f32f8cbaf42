// Contract handlers for `network:*`.
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const networkHandlers = (policy: NetworkPolicy): HandlersFor<'network'> => ({
  'network:policy': ({ workspaceId }) => {
    const view = policy.view(workspaceId);
    return { sealed: view.sealed, allowed: [...view.allowed] };
  },
});
