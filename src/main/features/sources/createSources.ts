// The sources feature: pull connectors on their schedule, live streams, the local webhook, source health and the
// allow-list entries the sources need. Runs for the live workspace; exercises feed their own injects.
import { LIVE_WORKSPACE_ID } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { IngestService } from '../mentions';
import { CellSources, type CellSourcesTuning } from './cellSources/cellSources';
import { ConnectorRegistry } from './connectorRegistry';
import { blueskyConnector } from './connectors/bluesky/blueskyConnector';
import { mastodonConnector } from './connectors/mastodon/mastodonConnector';
import { rssConnector } from './connectors/rss/rssConnector';
import { sourcesHandlers } from './handlers';
import { createLiveFeeds } from './live/createLiveFeeds';
import { SourceScheduler } from './sourceScheduler';
import { SourceService } from './sourceService';
import { WebhookService } from './webhook/webhookService';

export interface SourcesFeature extends FeatureModule {
  readonly service: SourceService;
  /** Pull connectors by source kind; each connector module registers itself here. */
  readonly connectors: ConnectorRegistry;
  /** Sources and mentions shared across the cell, each source polled by its owner laptop only. */
  readonly shared: CellSources;
}

export function createSources(deps: {
  store: WorkspaceStore;
  ingest: IngestService;
  network: NetworkPolicy;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** When another laptop of the cell takes over a source whose owner is away. */
  cellTuning?: Partial<CellSourcesTuning>;
}): SourcesFeature {
  const { store, ingest, network, events, clock, logger } = deps;
  const connectors = new ConnectorRegistry().register(rssConnector).register(mastodonConnector).register(blueskyConnector);
  const mayPoll = (workspaceId: string, sourceId: number): boolean => shared.mayPoll(workspaceId, sourceId);
  const scheduler = new SourceScheduler({ workspaces: store, registry: connectors, ingest, gateFor: (id) => network.gateFor(id), clock, events, logger, mayPoll });
  const shared = new CellSources({
    workspaces: store,
    ingest,
    refresh: (workspaceId, sourceId) => scheduler.refresh(workspaceId, sourceId),
    pollable: (kind) => connectors.find(kind) !== undefined,
    events,
    clock,
    logger,
    tuning: deps.cellTuning,
  });
  const webhooks = new WebhookService(store, ingest, clock, logger);
  const service = new SourceService({
    workspaces: store,
    registry: connectors,
    scheduler,
    isSealed: (id) => network.view(id).sealed,
    events,
    clock,
    pushProblem: (kind, config) => (kind === 'webhook' ? webhooks.problemOf(config) : undefined),
    resolve: network.resolve,
  });
  // Connectors and publishers declare the origins they need: that is the allow-list sealed mode enforces.
  network.addOriginProvider((id) => service.allowedOrigins(id));
  const liveFeeds = createLiveFeeds({ workspaces: store, ingest, network, scheduler, events, logger, mayPoll });
  let stopWatching = (): void => {};
  return {
    service,
    connectors,
    shared,
    handlers: sourcesHandlers(service, liveFeeds),
    start() {
      scheduler.startWorkspace(LIVE_WORKSPACE_ID);
      // Webhook ports follow the live workspace's webhook sources: opened, moved or closed as they change.
      void webhooks.sync();
      stopWatching = events.on('sources:changed', ({ workspaceId }) => {
        if (workspaceId === LIVE_WORKSPACE_ID) void webhooks.sync();
      });
      liveFeeds.startWorkspace(LIVE_WORKSPACE_ID);
    },
    stop() {
      stopWatching();
      scheduler.stop();
      void webhooks.close();
      liveFeeds.stop();
    },
  };
}
