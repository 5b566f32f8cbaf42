// Contract handlers for `backups:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { RecordedBackups } from './recordedBackups';

export const backupHandlers = (backups: RecordedBackups): HandlersFor<'backups'> => ({
  'backups:list': ({ workspaceId }) => backups.list(workspaceId),
  'backups:create': ({ workspaceId }) => backups.create(workspaceId),
  'backups:restore': ({ workspaceId, name }) => backups.restore(workspaceId, name),
});
