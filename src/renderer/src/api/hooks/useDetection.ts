// Hooks over the `detection:*`, `alerts:*` and `tone:*` calls; `detection:levelChanged` / `detection:alertChanged` refresh them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertStatus, DetectionSettings } from '../../../../shared/domain/detection';
import type { ToneClass } from '../../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useLevelOverview = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: [...queryKeys.detection(workspaceId), 'overview'],
    queryFn: () => callApi('detection:overview', { workspaceId }),
  });

/** One page of alerts newest first, after `before` when given; a scope keeps those opened in a period and/or of one watch. */
export const useAlerts = (
  workspaceId: WorkspaceId,
  status: AlertStatus | 'all',
  scope: { from?: string; to?: string; watchId?: number } = {},
  page: { limit: number; before: { openedAt: string; id: number } | null } = { limit: 200, before: null },
) =>
  useQuery({
    queryKey: [...queryKeys.detection(workspaceId), 'alerts', status, scope, page],
    queryFn: () => callApi('detection:listAlerts', { workspaceId, status, limit: page.limit, ...scope, ...(page.before ? { before: page.before } : {}) }),
    placeholderData: keepPreviousData,
  });

/** One alert as it stands now; `detection:alertChanged` refreshes it like the list. */
export const useAlert = (workspaceId: WorkspaceId, alertId: number) =>
  useQuery({
    queryKey: [...queryKeys.detection(workspaceId), 'alert', alertId],
    queryFn: () => callApi('detection:getAlert', { workspaceId, alertId }),
    retry: false,
  });

export const useDetectionSettings = (workspaceId: WorkspaceId, watchId: number | null) =>
  useQuery({
    queryKey: [...queryKeys.detection(workspaceId), 'settings', watchId],
    queryFn: () => callApi('detection:getSettings', { workspaceId, watchId: watchId! }),
    enabled: watchId !== null,
  });

export function useSaveDetectionSettings(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ watchId, settings }: { watchId: number; settings: DetectionSettings }) =>
      callApi('detection:saveSettings', { workspaceId, watchId, settings }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.detection(workspaceId) }),
  });
}

export const useBacktest = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: (input: { watchId: number; from: string; to: string; settings?: DetectionSettings }) =>
      callApi('detection:backtest', { workspaceId, ...input }),
  });

/** The same replay as a CSV or JSON file, handed to the download flow by the caller. */
export const useBacktestExport = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: (input: { watchId: number; from: string; to: string; settings?: DetectionSettings; format: 'csv' | 'json' }) =>
      callApi('detection:backtestExport', { workspaceId, ...input }),
  });

export function useAlertStatus(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { alertId: number; action: 'acknowledge' | 'dismiss'; reason?: string; by?: string }) =>
      input.action === 'acknowledge'
        ? callApi('detection:acknowledgeAlert', { workspaceId, alertId: input.alertId, by: input.by, note: input.reason })
        : callApi('detection:dismissAlert', { workspaceId, alertId: input.alertId, by: input.by, reason: input.reason ?? '' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.detection(workspaceId) }),
  });
}

export function useCorrectTone(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mentionId, toneClass }: { mentionId: number; toneClass: ToneClass }) =>
      callApi('tone:correct', { workspaceId, mentionId, toneClass }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.mentions(workspaceId) }),
  });
}

/**
 * The "help the tone model" batch. Keyed under the mentions prefix: each answer is a correction, whose pushed
 * `mentions:changed` reads the batch again without the answered post.
 */
export const useToneQueue = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.mentions(workspaceId), 'toneQueue'], queryFn: () => callApi('tone:queue', { workspaceId }) });

/** Which scorer tones the workspace's posts; read again on `mentions:changed`, which an approved model's opening pushes. */
export const useToneBackend = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.mentions(workspaceId), 'toneBackend'], queryFn: () => callApi('tone:backend', { workspaceId }) });
