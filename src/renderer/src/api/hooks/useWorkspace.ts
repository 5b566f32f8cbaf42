// Hooks over the `workspaces:*` calls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceId, WorkspaceSettings } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useWorkspace = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => callApi('workspaces:get', { workspaceId }),
  });

export function useUpdateWorkspaceSettings(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<WorkspaceSettings>) => callApi('workspaces:updateSettings', { workspaceId, settings }),
    onSuccess: (workspace) => client.setQueryData(queryKeys.workspace(workspaceId), workspace),
  });
}
