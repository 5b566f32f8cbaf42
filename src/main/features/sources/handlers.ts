// Contract handlers for `sources:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { LiveFeedService } from './live/liveFeedService';
import type { SourceService } from './sourceService';

export const sourcesHandlers = (sources: SourceService, liveFeeds: LiveFeedService): HandlersFor<'sources'> => ({
  'sources:liveFeeds': ({ workspaceId }) => liveFeeds.list(workspaceId),
  'sources:list': ({ workspaceId }) => sources.list(workspaceId),
  'sources:create': ({ workspaceId, source }) => sources.create(workspaceId, source),
  'sources:update': ({ workspaceId, id, source }) => sources.update(workspaceId, id, source),
  'sources:delete': ({ workspaceId, id }) => sources.delete(workspaceId, id),
  'sources:setPaused': ({ workspaceId, id, paused }) => sources.setPaused(workspaceId, id, paused),
  'sources:test': ({ workspaceId, source }) => sources.test(workspaceId, source),
  'sources:pollNow': ({ workspaceId, id }) => sources.pollNow(workspaceId, id),
});
