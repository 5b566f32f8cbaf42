// Contract handlers for `workspaces:*`.
import type { WorkspaceService } from './workspaceService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const workspaceHandlers = (workspaces: WorkspaceService): HandlersFor<'workspaces'> => ({
  'workspaces:list': () => workspaces.list(),
  'workspaces:get': ({ workspaceId }) => workspaces.get(workspaceId),
  'workspaces:updateSettings': ({ workspaceId, settings }) => workspaces.updateSettings(workspaceId, settings),
});
