// Hooks over the `incidents:*` calls; the detail and list refresh from `incidents:changed` push events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import type { IncidentDetail } from '../../../../shared/domain/incident';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useIncidentList = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.incidents(workspaceId), queryFn: () => callApi('incidents:list', { workspaceId }) });

export const useIncident = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({
    queryKey: queryKeys.incident(workspaceId, incidentId),
    queryFn: () => callApi('incidents:get', { workspaceId, incidentId }),
  });

/** Open alerts, which an incident can be opened from; refreshed by `detection:alertChanged`. */
export const useOpenAlerts = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: [...queryKeys.detection(workspaceId), 'alerts', 'open'],
    queryFn: () => callApi('detection:listAlerts', { workspaceId, status: 'open', limit: 20 }),
  });

type DetailCall =
  | 'incidents:open'
  | 'incidents:openFromAlert'
  | 'incidents:setStatus'
  | 'incidents:setSeverity'
  | 'incidents:setScope'
  | 'incidents:handover'
  | 'incidents:setDuty'
  | 'incidents:mobilise'
  | 'incidents:acknowledge'
  | 'incidents:setChecklistItem';

/** A call that answers with the incident's new state, written straight into the cache. */
export function useIncidentAction<K extends DetailCall & CallName>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input) as Promise<IncidentDetail>,
    onSuccess: (detail, input) => {
      const workspaceId = (input as { workspaceId: WorkspaceId }).workspaceId;
      client.setQueryData(queryKeys.incident(workspaceId, detail.id), detail);
      if (name === 'incidents:openFromAlert') void client.invalidateQueries({ queryKey: queryKeys.detection(workspaceId) });
    },
  });
}

export function useSituationReport(workspaceId: WorkspaceId, incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CallInput<'incidents:situationReport'>, 'workspaceId' | 'incidentId'>) =>
      callApi('incidents:situationReport', { workspaceId, incidentId, ...input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.incident(workspaceId, incidentId) }),
  });
}
