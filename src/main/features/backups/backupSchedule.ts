// Takes a backup of each workspace when its newest one is older than the workspace's backup interval.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';

export interface ScheduleDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly workspaceIds: () => WorkspaceId[];
  readonly intervalHours: (id: WorkspaceId) => number;
  readonly newestBackupAt: (id: WorkspaceId) => string | undefined;
  readonly backUp: (id: WorkspaceId) => void;
}

const CHECK_EVERY_MS = 10 * 60_000;

/** One pass: returns the workspaces it backed up. Exposed for tests; the timer below calls it. */
export function runDueBackups(deps: ScheduleDeps): WorkspaceId[] {
  const done: WorkspaceId[] = [];
  const now = deps.clock.now().getTime();
  for (const id of deps.workspaceIds()) {
    const hours = deps.intervalHours(id);
    if (hours <= 0) continue;
    const newest = deps.newestBackupAt(id);
    if (newest && now - Date.parse(newest) < hours * 3_600_000) continue;
    try {
      deps.backUp(id);
      done.push(id);
    } catch (error) {
      deps.logger.error('scheduled backup failed', { workspaceId: id, error: String(error) });
    }
  }
  return done;
}

export function startBackupSchedule(deps: ScheduleDeps): () => void {
  const timer = setInterval(() => runDueBackups(deps), CHECK_EVERY_MS);
  // The schedule must never keep the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
