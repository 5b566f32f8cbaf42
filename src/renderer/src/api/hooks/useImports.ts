// Hooks over the `imports:*` calls: chunked upload, preview, run, and the run's pushed progress.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { IMPORT_CHUNK_BYTES } from '../../../../shared/contract/imports';
import type { ColumnMapping, Delimiter } from '../../../../shared/domain/fileImport';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments: feed it slices small enough for the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends the file in chunks and reports the share sent (0..1). */
export function useUploadFile() {
  const [sent, setSent] = useState(0);
  const mutation = useMutation({
    mutationFn: async (file: File) => {
      setSent(0);
      const { uploadId } = await callApi('imports:begin', { fileName: file.name, sizeBytes: file.size });
      for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
        const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
        await callApi('imports:chunk', { uploadId, offset, dataBase64: toBase64(chunk) });
        setSent(Math.min(1, (offset + chunk.byteLength) / file.size));
      }
      return uploadId;
    },
  });
  return { ...mutation, sent };
}

export const usePreviewImport = () =>
  useMutation({
    mutationFn: (input: { uploadId: string; delimiter?: Delimiter; headerLine?: number }) => callApi('imports:preview', input),
  });

export const useRunImport = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: (input: { uploadId: string; sourceId: number; mapping: ColumnMapping; timeZone?: string; delimiter?: Delimiter; headerLine?: number }) =>
      callApi('imports:run', { workspaceId, ...input }),
  });

export const useCancelImport = () => useMutation({ mutationFn: (runId: string) => callApi('imports:cancel', { runId }) });

/** The run's state, refreshed by the `imports:progress` events the backend pushes after each batch. */
export const useImportRun = (runId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.importRun(runId ?? ''),
    queryFn: () => callApi('imports:status', { runId: runId! }),
    enabled: runId !== undefined,
  });

const UNMATCHED_PAGE = 200;

/** Every row of a run that no watch took, a page at a time (keyset on the file line), fetched once asked for. */
export const useUnmatchedRows = (runId: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: [...queryKeys.importRun(runId), 'unmatched'],
    queryFn: ({ pageParam }) => callApi('imports:unmatched', { runId, afterLine: pageParam, limit: UNMATCHED_PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfterLine ?? undefined,
    enabled,
  });

export const useFileSources = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: queryKeys.sources(workspaceId),
    queryFn: () => callApi('sources:list', { workspaceId }),
    select: (sources) => sources.filter((source) => source.kind === 'file'),
  });

export const useCreateFileSource = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: (name: string) => callApi('sources:create', { workspaceId, source: { kind: 'file', name, config: {} } }),
  });
