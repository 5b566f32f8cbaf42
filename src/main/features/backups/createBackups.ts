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
import { inEnglish } from '../../platform/i18n/failure';

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
      ? { ok: true, detail: inEnglish('platform.backups.logVerified', { count: integrity.checked }) }
      : { ok: false, detail: inEnglish('platform.backups.logBroken', { seq: integrity.firstBroken?.seq ?? '?', reason: integrity.firstBroken?.reason ?? '?' }) };
  }, () => deps.crisisLog.flushAnchors());
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
