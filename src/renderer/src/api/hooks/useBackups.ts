// Hooks over the `backups:*` calls. The list refreshes from `backups:changed` pushes (a scheduled backup or one
// taken in another window shows up too); a restore's push makes every screen of the workspace read again.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useBackups = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.backups(workspaceId), queryFn: () => callApi('backups:list', { workspaceId }) });

export const useCreateBackup = (workspaceId: WorkspaceId) => useMutation({ mutationFn: () => callApi('backups:create', { workspaceId }) });

export const useRestoreBackup = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (name: string) => callApi('backups:restore', { workspaceId, name }) });
