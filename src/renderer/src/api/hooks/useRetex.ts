// Hooks over the RETEX calls of an incident (`lessons:retex` and the calls that change it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

const retexKey = (workspaceId: WorkspaceId, incidentId: string) => [...queryKeys.lessons(workspaceId), 'retex', incidentId] as const;

export const useRetex = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({
    queryKey: retexKey(workspaceId, incidentId),
    queryFn: () => callApi('lessons:retex', { workspaceId, incidentId }),
    // The timings follow the incident, the composer and the response queue: read afresh whenever the tab is shown.
    staleTime: 0,
  });

type RetexCall = 'lessons:saveRetex' | 'lessons:addAction' | 'lessons:setActionDone' | 'lessons:setFollowUp' | 'lessons:decidePlanChange';

/** Each call answers with the whole RETEX, which replaces the cached one; an accepted change also moves the plan. */
export function useRetexAction<K extends RetexCall & CallName>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input),
    onSuccess: (retex, input) => {
      client.setQueryData(retexKey(input.workspaceId, retex.incidentId), retex);
      if (name === 'lessons:decidePlanChange') void client.invalidateQueries({ queryKey: queryKeys.plan(input.workspaceId) });
    },
  });
}
