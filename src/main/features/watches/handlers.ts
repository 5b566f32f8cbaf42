// Contract handlers for `watches:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { WatchService } from './watchService';

export const watchesHandlers = (watches: WatchService): HandlersFor<'watches'> => ({
  'watches:list': ({ workspaceId }) => watches.list(workspaceId),
  'watches:create': ({ workspaceId, watch }) => watches.create(workspaceId, watch),
  'watches:update': ({ workspaceId, id, watch }) => watches.update(workspaceId, id, watch),
  'watches:delete': ({ workspaceId, id }) => watches.delete(workspaceId, id),
});
