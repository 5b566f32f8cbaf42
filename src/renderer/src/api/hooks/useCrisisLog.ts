// Hooks over the `crisisLog:*` calls; lists refresh from `crisisLog:changed` push events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/contract/index';
import type { LogFilter } from '../../../../shared/domain/crisisLog';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useCrisisLog = (workspaceId: WorkspaceId, filter: LogFilter) =>
  useQuery({
    queryKey: [...queryKeys.crisisLog(workspaceId), filter],
    queryFn: () => callApi('crisisLog:list', { workspaceId, filter }),
    placeholderData: (previous) => previous,
  });

function useLogMutation<I>(call: (input: I) => Promise<unknown>, workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.crisisLog(workspaceId) }),
  });
}

export const useAppendLogEntry = (workspaceId: WorkspaceId) =>
  useLogMutation((entry: CallInput<'crisisLog:append'>['entry']) => callApi('crisisLog:append', { workspaceId, entry }), workspaceId);

export const useSetVerification = (workspaceId: WorkspaceId) =>
  useLogMutation(
    (input: Omit<CallInput<'crisisLog:setVerification'>, 'workspaceId'>) =>
      callApi('crisisLog:setVerification', { workspaceId, ...input }),
    workspaceId,
  );

export const useSetPinned = (workspaceId: WorkspaceId) =>
  useLogMutation(
    (input: Omit<CallInput<'crisisLog:setPinned'>, 'workspaceId'>) => callApi('crisisLog:setPinned', { workspaceId, ...input }),
    workspaceId,
  );

export const useVerifyLog = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: () => callApi('crisisLog:verify', { workspaceId }) });
