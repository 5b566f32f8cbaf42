// Hooks over the `clocks:*` calls; refreshed by `clocks:changed` and `clocks:reminder` push events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/contract/index';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useClocks = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({ queryKey: queryKeys.clocks(workspaceId, incidentId), queryFn: () => callApi('clocks:list', { workspaceId, incidentId }) });

type ClockCall = 'clocks:classify' | 'clocks:setAwareness' | 'clocks:markSent';

export function useClockAction<K extends ClockCall>(name: K, workspaceId: WorkspaceId, incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.clocks(workspaceId, incidentId) }),
  });
}
