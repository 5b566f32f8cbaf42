// What other parts of the core may use of the sources feature; everything else in this folder is its own.
export { ConnectorRegistry } from './connectorRegistry';
export { blueskyConnector } from './connectors/bluesky/blueskyConnector';
export { mastodonConnector } from './connectors/mastodon/mastodonConnector';
export { rssConnector } from './connectors/rss/rssConnector';
export { createLiveFeeds } from './live/createLiveFeeds';
export { liveFeedsHandlers } from './liveFeedsHandlers';
export { SourceRepository } from './sourceRepository';
export { SourceScheduler } from './sourceScheduler';
export { SourceService } from './sourceService';
export { WebhookService } from './webhook/webhookService';
