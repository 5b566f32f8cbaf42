// Hooks over the `sources:*`, `watches:*` and `mentions:*` calls. Push events refresh them; nothing polls.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { CaptureInput } from '../../../../shared/domain/capture';
import type { SourceInput } from '../../../../shared/domain/source';
import type { MentionFilter } from '../../../../shared/domain/storedMention';
import type { WatchInput } from '../../../../shared/domain/watch';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

const PAGE = 50;

export const useSources = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.sources(workspaceId), queryFn: () => callApi('sources:list', { workspaceId }) });

export const useWatches = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: queryKeys.watches(workspaceId), queryFn: () => callApi('watches:list', { workspaceId }) });

export const useMentionSearch = (workspaceId: WorkspaceId, filter: MentionFilter) =>
  useInfiniteQuery({
    queryKey: [...queryKeys.mentions(workspaceId), 'search', filter],
    queryFn: ({ pageParam }) => callApi('mentions:search', { workspaceId, filter, limit: PAGE, before: pageParam }),
    initialPageParam: undefined as { publishedAt: string; id: number } | undefined,
    getNextPageParam: (last) => {
      const tail = last.items.at(-1);
      return last.hasMore && tail ? { publishedAt: tail.publishedAt, id: tail.id } : undefined;
    },
  });

/** How many mentions the stream's search matches, refreshed with the stream. */
export const useMentionCount = (workspaceId: WorkspaceId, filter: MentionFilter) =>
  useQuery({ queryKey: [...queryKeys.mentions(workspaceId), 'count', filter], queryFn: () => callApi('mentions:count', { workspaceId, filter }) });

export const useMention = (workspaceId: WorkspaceId, id: number | null) =>
  useQuery({
    queryKey: [...queryKeys.mentions(workspaceId), 'one', id],
    queryFn: () => callApi('mentions:get', { workspaceId, id: id ?? 0 }),
    enabled: id !== null,
  });

export const useSaveSource = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: ({ id, source }: { id?: number; source: SourceInput }) =>
      id === undefined ? callApi('sources:create', { workspaceId, source }) : callApi('sources:update', { workspaceId, id, source }),
  });

export const useTestSource = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (source: SourceInput) => callApi('sources:test', { workspaceId, source }) });

export const useSetSourcePaused = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: ({ id, paused }: { id: number; paused: boolean }) => callApi('sources:setPaused', { workspaceId, id, paused }) });

export const useDeleteSource = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (id: number) => callApi('sources:delete', { workspaceId, id }) });

export const usePollSourceNow = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (id: number) => callApi('sources:pollNow', { workspaceId, id }) });

export const useSaveWatch = (workspaceId: WorkspaceId) =>
  useMutation({
    mutationFn: ({ id, watch }: { id?: number; watch: WatchInput }) =>
      id === undefined ? callApi('watches:create', { workspaceId, watch }) : callApi('watches:update', { workspaceId, id, watch }),
  });

export const useDeleteWatch = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (id: number) => callApi('watches:delete', { workspaceId, id }) });

export const useCapture = (workspaceId: WorkspaceId) =>
  useMutation({ mutationFn: (capture: CaptureInput) => callApi('mentions:capture', { workspaceId, capture }) });

export const useLastItems = (workspaceId: WorkspaceId, sourceId: number, limit = 5) =>
  useQuery({
    queryKey: [...queryKeys.mentions(workspaceId), 'lastItems', sourceId, limit],
    queryFn: () => callApi('mentions:search', { workspaceId, filter: { sourceId }, limit }),
  });
