// Every TanStack Query key in one place, so push events know exactly what to invalidate.
import type { WorkspaceId } from '../../../shared/domain/workspace';

export const queryKeys = {
  system: ['system'] as const,
  workspaces: ['workspaces'] as const,
  workspace: (id: WorkspaceId) => ['workspaces', id] as const,
};
