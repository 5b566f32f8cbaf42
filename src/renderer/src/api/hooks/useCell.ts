// Hooks over the `cell:*` calls, for the Cell screen. The status refreshes from `cell:changed` pushes (a laptop
// joined, left, came online or dropped off; the members document changed on another laptop).
import { useMutation, useQuery } from '@tanstack/react-query';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

type Without<K extends CallName> = Omit<CallInput<K>, 'workspaceId'>;

export const useCellStatus = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.cell(workspaceId), queryFn: () => callApi('cell:status', { workspaceId }) });

export const useCreateCell = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:create'>) => callApi('cell:create', { workspaceId, ...input }) });

export const useStartCellSync = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:start'>) => callApi('cell:start', { workspaceId, ...input }) });

export const useStopCellSync = (workspaceId: WorkspaceId) => useMutation({ mutationFn: () => callApi('cell:stop', { workspaceId }) });

export const useInviteLaptop = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:invite'>) => callApi('cell:invite', { workspaceId, ...input }) });

export const useJoinCell = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:join'>) => callApi('cell:join', { workspaceId, ...input }) });

export const useCellProfile = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:profile'>) => callApi('cell:profile', { workspaceId, ...input }) });

export const useConnectLaptop = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (address: string) => callApi('cell:connect', { workspaceId, address }) });

export const useRemoveLaptop = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (deviceId: string) => callApi('cell:remove', { workspaceId, deviceId }) });
