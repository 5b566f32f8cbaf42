// Contract handlers for `liveFeeds:*`.
import type { LiveFeedService } from '../../connectors/live/liveFeedService';
import type { HandlersFor } from './types';

export const liveFeedsHandlers = (liveFeeds: LiveFeedService): HandlersFor<'liveFeeds'> => ({
  'liveFeeds:list': ({ workspaceId }) => liveFeeds.list(workspaceId),
});
