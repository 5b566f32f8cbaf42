// Contract handlers for `backup:*`; each action is recorded in the workspace's crisis log.
import type { EventBus } from '../../platform/events/eventBus';
import type { BackupService } from './backupService';
import type { Audit } from '../crisisLog';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const backupHandlers = (backups: BackupService, events: EventBus, audit: Audit): HandlersFor<'backup'> => ({
  'backup:list': ({ workspaceId }) => backups.list(workspaceId),
  'backup:create': ({ workspaceId }) => {
    const info = backups.create(workspaceId);
    audit(workspaceId, 'backup.created', `Backup ${info.name} created (${info.sizeBytes} bytes).`, { name: info.name, bytes: info.sizeBytes });
    events.emit('backup:changed', { workspaceId, restored: false });
    return info;
  },
  'backup:restore': ({ workspaceId, name }) => {
    const result = backups.restore(workspaceId, name);
    audit(workspaceId, 'backup.restored', `Backup ${name} restored; ${result.log}`, { name });
    events.emit('backup:changed', { workspaceId, restored: true });
    events.emit('workspace:changed', { workspaceId });
    return result;
  },
});
