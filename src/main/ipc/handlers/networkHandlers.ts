// Contract handlers for `network:*`.
import type { NetworkPolicy } from '../../net/networkPolicy';
import type { HandlersFor } from './types';

export const networkHandlers = (policy: NetworkPolicy): HandlersFor<'network'> => ({
  'network:policy': ({ workspaceId }) => policy.view(workspaceId),
});
