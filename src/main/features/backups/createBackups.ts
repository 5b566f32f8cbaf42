// The backups feature: encrypted copies of each workspace, made on demand and on the workspace's schedule.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceStore, KeyProvider } from '../../platform/workspaces/workspaceStore';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Audit, CrisisLogService } from '../crisisLog';
import { startBackupSchedule } from './backupSchedule';
import { BackupService } from './backupService';
import { backupHandlers } from './handlers';
import { recordedBackups } from './recordedBackups';

export function createBackups(deps: {
  dataDir: string;
  store: WorkspaceStore;
  keys: KeyProvider;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  audit: Audit;
  crisisLog: CrisisLogService;
  intervalHours: (id: WorkspaceId) => number;
}): FeatureModule {
  const service = new BackupService(deps.dataDir, deps.store, deps.keys, deps.clock, (id) => {
    const integrity = deps.crisisLog.verify(id);
    return integrity.ok
      ? { ok: true, detail: `crisis log verified (${integrity.checked} records).` }
      : { ok: false, detail: `its crisis log chain is broken at record ${integrity.firstBroken?.seq ?? '?'}.` };
  });
  const backups = recordedBackups(service, deps.events, deps.audit);
  let stopSchedule = (): void => {};
  return {
    handlers: backupHandlers(backups),
    start() {
      stopSchedule = startBackupSchedule({
        clock: deps.clock,
        logger: deps.logger,
        workspaceIds: () => deps.store.ids(),
        intervalHours: deps.intervalHours,
        newestBackupAt: (id) => service.list(id)[0]?.createdAt,
        backUp: (id) => void backups.create(id, true),
      });
    },
    stop: () => stopSchedule(),
  };
}
