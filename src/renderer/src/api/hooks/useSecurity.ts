// Hooks over the `security:*` and `network:*` calls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useSecurityStatus = () =>
  useQuery({ queryKey: queryKeys.security, queryFn: () => callApi('security:status', {}) });

export function useSetPassphrase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { next: string; current?: string }) => callApi('security:setPassphrase', input),
    onSuccess: (status) => client.setQueryData(queryKeys.security, status),
  });
}

export const useRotateKey = () =>
  useMutation({ mutationFn: (workspaceId: WorkspaceId) => callApi('security:rotateKey', { workspaceId }) });

export const useSigningKey = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.signingKey(workspaceId), queryFn: () => callApi('security:signingKey', { workspaceId }) });

export const useNetworkPolicy = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.network(workspaceId), queryFn: () => callApi('security:networkPolicy', { workspaceId }) });
