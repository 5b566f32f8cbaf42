// Hooks over the `cell:*` calls, for the Cell screen and the offline banner. The status refreshes from `cell:changed`
// pushes (a laptop joined, left, came online or dropped off; the shared documents changed or were delivered); an
// act's own answer is the new status, so the screen shows it at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { CellStatus } from '../../../../shared/contract/cell';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

type Without<K extends CallName> = Omit<CallInput<K>, 'workspaceId'>;

export const useCellStatus = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.cell(workspaceId), queryFn: () => callApi('cell:status', { workspaceId }) });

function useCellAct<I>(workspaceId: WorkspaceId, act: (input: I) => Promise<CellStatus>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: act, onSuccess: (status) => client.setQueryData(queryKeys.cell(workspaceId), status) });
}

export const useCreateCell = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (input: Without<'cell:create'>) => callApi('cell:create', { workspaceId, ...input }));

export const useStartCellSync = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (input: Without<'cell:start'>) => callApi('cell:start', { workspaceId, ...input }));

export const useStopCellSync = (workspaceId: WorkspaceId) => useCellAct(workspaceId, () => callApi('cell:stop', { workspaceId }));

export const useInviteLaptop = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (input: Without<'cell:invite'>) => callApi('cell:invite', { workspaceId, ...input }) });

export const useJoinCell = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (input: Without<'cell:join'>) => callApi('cell:join', { workspaceId, ...input }));

export const useCellProfile = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (input: Without<'cell:profile'>) => callApi('cell:profile', { workspaceId, ...input }));

export const useConnectLaptop = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (address: string) => callApi('cell:connect', { workspaceId, address }));

export const useRemoveLaptop = (workspaceId: WorkspaceId) =>
  useCellAct(workspaceId, (deviceId: string) => callApi('cell:remove', { workspaceId, deviceId }));
