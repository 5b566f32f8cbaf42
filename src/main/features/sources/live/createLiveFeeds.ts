// Builds the live feeds (Mastodon streaming, Bluesky Jetstream) on top of the poller and the network policy.
import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';
import type { IngestService } from '../../mentions';
import type { WorkspaceLookup } from '../../../platform/workspaces/workspaceLookup';
import type { NetworkPolicy } from '../../../platform/net/networkPolicy';
import type { SourceScheduler } from '../sourceScheduler';
import { jetstreamLiveFeed } from './jetstreamLiveFeed';
import { LiveFeedService } from './liveFeedService';
import { mastodonLiveFeed } from './mastodonLiveFeed';

export interface LiveFeedWiring {
  readonly workspaces: WorkspaceLookup;
  readonly ingest: IngestService;
  readonly network: NetworkPolicy;
  readonly scheduler: SourceScheduler;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly mayPoll?: (workspaceId: string, sourceId: number) => boolean;
}

export function createLiveFeeds({ workspaces, ingest, network, scheduler, events, logger, mayPoll }: LiveFeedWiring): LiveFeedService {
  const liveFeeds = new LiveFeedService({
    workspaces,
    feeds: [mastodonLiveFeed, jetstreamLiveFeed],
    ingest,
    refusal: (workspaceId, url) => network.refusal(workspaceId, url),
    resolve: network.resolve,
    localNetwork: (workspaceId, url) => network.localNetwork(workspaceId, url),
    // Each (re)connection may follow a gap: the poller fetches what the stream did not deliver.
    catchUp: (workspaceId, sourceId) => void scheduler.pollNow(workspaceId, sourceId),
    events,
    logger,
    mayPoll,
  });
  // A Jetstream host is not the source's search server: the live feed declares it for the allow-list itself.
  network.addOriginProvider((workspaceId) => liveFeeds.allowedOrigins(workspaceId));
  return liveFeeds;
}
