// The mentions feature: the one way mentions enter a workspace (ingest), the stream, search and manual capture.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { MentionChangeNotifier } from './changeNotifier';
import type { MentionEnricher } from './enricher';
import { mentionsHandlers } from './handlers';
import { IngestService } from './ingestService';
import { MentionService } from './mentionService';

export interface MentionsFeature extends FeatureModule {
  /** Connectors, imports, the webhook, capture and exercise injects all hand their mentions here. */
  readonly ingest: IngestService;
}

export function createMentions(deps: { store: WorkspaceLookup; enricher: MentionEnricher; events: EventBus; clock: Clock; logger: Logger }): MentionsFeature {
  const notifier = new MentionChangeNotifier(deps.events);
  const ingest = new IngestService({
    workspaces: deps.store,
    enricher: deps.enricher,
    clock: deps.clock,
    notifier,
    onListenerError: (error) => deps.logger.error('ingest listener failed', { error: String(error) }),
  });
  // A watch edit must reach the matcher before the next batch: the bus delivers synchronously.
  const stopWatching = deps.events.on('watches:changed', ({ workspaceId }) => ingest.watchesChanged(workspaceId));
  return {
    ingest,
    handlers: mentionsHandlers(new MentionService(deps.store, ingest, deps.clock)),
    stop: () => {
      stopWatching();
      notifier.close();
    },
  };
}
