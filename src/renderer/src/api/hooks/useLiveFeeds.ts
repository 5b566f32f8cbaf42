// Hook over `sources:liveFeeds`: which sources have a live connection and in what state (pushed on change).
import { useQuery } from '@tanstack/react-query';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

export const useLiveFeeds = (workspaceId: WorkspaceId) =>
  useQuery({
    queryKey: queryKeys.liveFeeds(workspaceId),
    queryFn: () => callApi('sources:liveFeeds', { workspaceId }),
  });
