// Security-relevant actions go into the workspace's crisis log, under the same hash chain as the rest.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { CrisisLogService } from './crisisLogService';

export type Audit = (workspaceId: WorkspaceId, code: string, body: string, data?: Record<string, string | number | boolean>) => void;

export const crisisLogAudit =
  (log: CrisisLogService): Audit =>
  (workspaceId, code, body, data) => {
    log.system(workspaceId, { incidentId: null, code: `audit.${code}`, body, data });
  };
