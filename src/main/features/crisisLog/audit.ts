// Security-relevant actions go into the workspace's crisis log, under the same hash chain as the rest. Each code
// is worded from the system-log catalogue (`audit.<code>`), so callers give only the values.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { CrisisLogService } from './crisisLogService';

export type Audit = (workspaceId: WorkspaceId, code: string, data?: Record<string, string | number | boolean>) => void;

export const crisisLogAudit =
  (log: CrisisLogService): Audit =>
  (workspaceId, code, data) => {
    log.system(workspaceId, { incidentId: null, code: `audit.${code}`, data });
  };
