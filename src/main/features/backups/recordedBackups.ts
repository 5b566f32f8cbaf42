// Backups as the cell sees them: each creation or restore recorded in the crisis log and announced to the screens.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { EventBus } from '../../platform/events/eventBus';
import type { Audit } from '../crisisLog';
import type { BackupService } from './backupService';

export type RecordedBackups = ReturnType<typeof recordedBackups>;

export function recordedBackups(backups: BackupService, events: EventBus, audit: Audit) {
  return {
    list: (workspaceId: WorkspaceId) => backups.list(workspaceId),
    create(workspaceId: WorkspaceId, scheduled = false) {
      const info = backups.create(workspaceId);
      if (scheduled) audit(workspaceId, 'backup.scheduled', { name: info.name });
      else audit(workspaceId, 'backup.created', { name: info.name, bytes: info.sizeBytes });
      events.emit('backups:changed', { workspaceId, restored: false });
      return info;
    },
    restore(workspaceId: WorkspaceId, name: string) {
      const result = backups.restore(workspaceId, name);
      audit(workspaceId, 'backup.restored', { name });
      events.emit('backups:changed', { workspaceId, restored: true });
      events.emit('workspaces:changed', { workspaceId });
      return result;
    },
  };
}
