// Contract handlers for `backup:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { RecordedBackups } from './recordedBackups';

export const backupHandlers = (backups: RecordedBackups): HandlersFor<'backup'> => ({
  'backup:list': ({ workspaceId }) => backups.list(workspaceId),
  'backup:create': ({ workspaceId }) => backups.create(workspaceId),
  'backup:restore': ({ workspaceId, name }) => backups.restore(workspaceId, name),
});
