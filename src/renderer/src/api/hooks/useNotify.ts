// Hooks over the `notify:*` calls: channel settings and their test, an incident's delivery statuses (refreshed by
// `notify:changed` push events), acknowledgements a coordinator records with how the person was reached, and the
// calls that ask this laptop's member, acknowledged from here (refreshed by `notify:mineChanged`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/contract/index';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useDeliveries = (workspaceId: WorkspaceId, incidentId: string) =>
  useQuery({
    queryKey: queryKeys.deliveries(workspaceId, incidentId),
    queryFn: () => callApi('notify:deliveries', { workspaceId, incidentId }),
  });

export function useRecordAcknowledgement(workspaceId: WorkspaceId, incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CallInput<'notify:acknowledge'>, 'workspaceId' | 'incidentId'>) =>
      callApi('notify:acknowledge', { workspaceId, incidentId, ...input }),
    onSuccess: (view) => {
      client.setQueryData(queryKeys.deliveries(workspaceId, incidentId), view);
      void client.invalidateQueries({ queryKey: queryKeys.incident(workspaceId, incidentId) });
    },
  });
}

const settingsKey = (workspaceId: WorkspaceId) => ['notifySettings', workspaceId] as const;

export const useNotifySettings = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: settingsKey(workspaceId), queryFn: () => callApi('notify:settings', { workspaceId }) });

export function useSaveNotifySettings(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: CallInput<'notify:setSettings'>['settings']) => callApi('notify:setSettings', { workspaceId, settings }),
    onSuccess: (view) => {
      client.setQueryData(settingsKey(workspaceId), view);
      void client.invalidateQueries({ queryKey: queryKeys.network(workspaceId) });
    },
  });
}

export const useSendTestMessage = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Omit<CallInput<'notify:sendTest'>, 'workspaceId'>) => callApi('notify:sendTest', { workspaceId, ...input }) });

export const useMyCalls = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.myCalls(workspaceId), queryFn: () => callApi('notify:mine', { workspaceId }) });

export function useAcknowledgeMine(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CallInput<'notify:acknowledgeMine'>, 'workspaceId'>) => callApi('notify:acknowledgeMine', { workspaceId, ...input }),
    onSuccess: (calls) => client.setQueryData(queryKeys.myCalls(workspaceId), calls),
  });
}

const testDestinationsKey = (workspaceId: WorkspaceId) => ['testDestinations', workspaceId] as const;

/** An exercise's own test destinations, the only addresses its messages go to. */
export const useTestDestinations = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: testDestinationsKey(workspaceId), queryFn: () => callApi('notify:testDestinations', { workspaceId }) });

export function useSaveTestDestinations(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (destinations: CallInput<'notify:setTestDestinations'>['destinations']) => callApi('notify:setTestDestinations', { workspaceId, destinations }),
    onSuccess: (saved) => client.setQueryData(testDestinationsKey(workspaceId), saved),
  });
}
