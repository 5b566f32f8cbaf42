// Contract handlers for `cell:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { CellService } from './cellService';

export const cellHandlers = (cell: CellService): HandlersFor<'cell'> => ({
  'cell:status': ({ workspaceId }) => cell.status(workspaceId),
  'cell:create': ({ workspaceId, memberName, roles }) => cell.create(workspaceId, memberName, roles),
  'cell:start': ({ workspaceId, host, port }) => cell.start(workspaceId, host, port),
  'cell:stop': ({ workspaceId }) => cell.stop(workspaceId),
  'cell:invite': ({ workspaceId, validMinutes }) => cell.invite(workspaceId, validMinutes),
  'cell:join': ({ workspaceId, ...input }) => cell.join(workspaceId, input),
  'cell:profile': ({ workspaceId, memberName, roles, personName }) => cell.profile(workspaceId, memberName, roles, personName),
  'cell:connect': ({ workspaceId, address }) => cell.connect(workspaceId, address),
  'cell:remove': ({ workspaceId, deviceId }) => cell.remove(workspaceId, deviceId),
});
