// Hooks over the compensation register of an incident; `compensation:changed` refreshes it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useCompensationRegister = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({ queryKey: queryKeys.compensation(workspaceId, incidentId), queryFn: () => callApi('compensation:list', { workspaceId, incidentId }) });

type CompensationCall = 'compensation:propose' | 'compensation:decide' | 'compensation:markDone';

/** Each call answers with the whole register, which replaces the cached one. */
export function useCompensationAction<K extends CompensationCall & CallName>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input),
    onSuccess: (register, input) => client.setQueryData(queryKeys.compensation(input.workspaceId, input.incidentId), register),
  });
}
