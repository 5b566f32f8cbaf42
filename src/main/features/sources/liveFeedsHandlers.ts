// Contract handlers for `liveFeeds:*`.
import type { LiveFeedService } from './live/liveFeedService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const liveFeedsHandlers = (liveFeeds: LiveFeedService): HandlersFor<'liveFeeds'> => ({
  'liveFeeds:list': ({ workspaceId }) => liveFeeds.list(workspaceId),
});
