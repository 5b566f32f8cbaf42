// Hooks over the press desk of an incident (`press:list` and the calls that change it); `press:changed` refreshes it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const usePressDesk = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({ queryKey: queryKeys.press(workspaceId, incidentId), queryFn: () => callApi('press:list', { workspaceId, incidentId }) });

type PressCall = 'press:create' | 'press:answer' | 'press:setStatus';

/** Each call answers with the whole desk, which replaces the cached one. */
export function usePressAction<K extends PressCall & CallName>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input),
    onSuccess: (desk, input) => client.setQueryData(queryKeys.press(input.workspaceId, input.incidentId), desk),
  });
}
