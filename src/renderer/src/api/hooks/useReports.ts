// Hooks over `reports:*` and `exports:*`: jobs are followed through `reports:exportProgress` pushes (no polling).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportKind } from '../../../../shared/domain/report';
import type { Language, WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useReactions = (workspaceId: WorkspaceId, incidentId: string | null) =>
  useQuery({
    queryKey: [...queryKeys.reports(workspaceId), 'reactions', incidentId],
    queryFn: () => callApi('reports:reactions', { workspaceId, incidentId: incidentId! }),
    enabled: incidentId !== null,
  });

export const useExportJob = (jobId: string | null) =>
  useQuery({
    queryKey: queryKeys.exportJob(jobId ?? 'none'),
    queryFn: () => callApi('reports:exportStatus', { jobId: jobId! }),
    enabled: jobId !== null,
  });

/** Starts a report or an export; the job's first state goes straight into the cache. */
export function useStartJob(workspaceId: WorkspaceId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, kind, language, includePersonalData = false }: { incidentId: string; kind: ExportKind; language?: Language; includePersonalData?: boolean }) =>
      kind === 'report'
        ? callApi('reports:generate', { workspaceId, incidentId, language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
        : callApi('reports:startExport', { workspaceId, incidentId, kind, includePersonalData }),
    onSuccess: (job) => {
      client.setQueryData(queryKeys.exportJob(job.jobId), job);
      // A short job may have ended (and pushed its last event) before this answer arrived: read it once more.
      void client.invalidateQueries({ queryKey: queryKeys.exportJob(job.jobId) });
    },
  });
}

export const useCancelJob = () => useMutation({ mutationFn: (jobId: string) => callApi('reports:cancelExport', { jobId }) });

export const useDownloadJob = () => useMutation({ mutationFn: (jobId: string) => callApi('reports:downloadExport', { jobId }) });

export function useImportArchive(workspaceId: WorkspaceId) {
  return useMutation({
    mutationFn: ({ content, expectedFingerprint }: { content: string; expectedFingerprint?: string }) =>
      callApi('reports:importArchive', { workspaceId, content, expectedFingerprint }),
  });
}
