// Contract handlers for `network:*`.
import type { NetworkPolicy } from '../../net/networkPolicy';
import type { HandlersFor } from './types';

export const networkHandlers = (policy: NetworkPolicy): HandlersFor<'network'> => ({
  'network:policy': ({ workspaceId }) => {
    const view = policy.view(workspaceId);
    return { sealed: view.sealed, allowed: [...view.allowed] };
  },
});
