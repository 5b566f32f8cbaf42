// Contract handlers for `watches:*`, `sources:*` and `mentions:*`.
import type { MentionService } from './mentionService';
import type { SourceService } from '../sources';
import type { WatchService } from '../watches';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const watchesHandlers = (watches: WatchService): HandlersFor<'watches'> => ({
  'watches:list': ({ workspaceId }) => watches.list(workspaceId),
  'watches:create': ({ workspaceId, watch }) => watches.create(workspaceId, watch),
  'watches:update': ({ workspaceId, id, watch }) => watches.update(workspaceId, id, watch),
  'watches:delete': ({ workspaceId, id }) => watches.delete(workspaceId, id),
});

export const sourcesHandlers = (sources: SourceService): HandlersFor<'sources'> => ({
  'sources:list': ({ workspaceId }) => sources.list(workspaceId),
  'sources:create': ({ workspaceId, source }) => sources.create(workspaceId, source),
  'sources:update': ({ workspaceId, id, source }) => sources.update(workspaceId, id, source),
  'sources:delete': ({ workspaceId, id }) => sources.delete(workspaceId, id),
  'sources:setPaused': ({ workspaceId, id, paused }) => sources.setPaused(workspaceId, id, paused),
  'sources:test': ({ workspaceId, source }) => sources.test(workspaceId, source),
  'sources:pollNow': ({ workspaceId, id }) => sources.pollNow(workspaceId, id),
});

export const mentionsHandlers = (mentions: MentionService): HandlersFor<'mentions'> => ({
  'mentions:search': ({ workspaceId, filter, limit, before }) => mentions.search(workspaceId, filter, limit, before),
  'mentions:get': ({ workspaceId, id }) => mentions.get(workspaceId, id),
  'mentions:capture': ({ workspaceId, capture }) => mentions.capture(workspaceId, capture),
});
