// Hooks over `dashboard:*`. Push events invalidate them (mentions, levels, alerts, publications); the previous
// data stays on screen while a refresh runs, so charts never blank out during ingest.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DashboardRange } from '../../../../shared/domain/dashboard';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useDashboardSeries = (workspaceId: WorkspaceId, watchId: number | null, range: DashboardRange) =>
  useQuery({
    queryKey: [...queryKeys.dashboard(workspaceId), 'series', watchId, range],
    queryFn: () => callApi('dashboard:series', { workspaceId, watchId: watchId!, range }),
    enabled: watchId !== null,
    placeholderData: keepPreviousData,
  });

export const useDashboardBreakdown = (workspaceId: WorkspaceId, watchId: number | null, range: DashboardRange) =>
  useQuery({
    queryKey: [...queryKeys.dashboard(workspaceId), 'breakdown', watchId, range],
    queryFn: () => callApi('dashboard:breakdown', { workspaceId, watchId: watchId!, range }),
    enabled: watchId !== null,
    placeholderData: keepPreviousData,
  });

export const useDemoStatus = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.demo(workspaceId), queryFn: () => callApi('demo:status', { workspaceId }) });

export const useStopDemo = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (removeData: boolean) => callApi('demo:stop', { workspaceId, removeData }) });
