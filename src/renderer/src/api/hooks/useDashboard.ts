// Hooks over `dashboard:*`. Push events invalidate them (mentions, levels, alerts, publications); the previous
// data stays on screen while a refresh runs, so charts never blank out during ingest.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DashboardRange } from '../../../../shared/domain/dashboard';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

/** A "last N" range that follows the clock, or an absolute period. */
export type DashboardPeriod = DashboardRange | { from: string; to: string };

// The reader's zone goes with every period, so day and six-hour buckets start at their midnight.
const periodInput = (period: DashboardPeriod) => ({
  ...(typeof period === 'string' ? { range: period } : period),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

export const useDashboardSeries = (workspaceId: WorkspaceId, watchId: number | null, period: DashboardPeriod) =>
  useQuery({
    queryKey: [...queryKeys.dashboard(workspaceId), 'series', watchId, period],
    queryFn: () => callApi('dashboard:series', { workspaceId, watchId: watchId!, ...periodInput(period) }),
    enabled: watchId !== null,
    placeholderData: keepPreviousData,
  });

export const useDashboardBreakdown = (workspaceId: WorkspaceId, watchId: number | null, period: DashboardPeriod) =>
  useQuery({
    queryKey: [...queryKeys.dashboard(workspaceId), 'breakdown', watchId, period],
    queryFn: () => callApi('dashboard:breakdown', { workspaceId, watchId: watchId!, ...periodInput(period) }),
    enabled: watchId !== null,
    placeholderData: keepPreviousData,
  });

export const useDemoStatus = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.demo(workspaceId), queryFn: () => callApi('demo:status', { workspaceId }) });

export const useStopDemo = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (removeData: boolean) => callApi('demo:stop', { workspaceId, removeData }) });
