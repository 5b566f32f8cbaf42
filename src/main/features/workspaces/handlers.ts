// Contract handlers for `workspace:*`.
import type { WorkspaceService } from './workspaceService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const workspaceHandlers = (workspaces: WorkspaceService): HandlersFor<'workspace'> => ({
  'workspace:list': () => workspaces.list(),
  'workspace:get': ({ workspaceId }) => workspaces.get(workspaceId),
  'workspace:updateSettings': ({ workspaceId, settings }) => workspaces.updateSettings(workspaceId, settings),
});
