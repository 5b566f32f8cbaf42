// The mentions feature: the one way mentions enter a workspace (ingest), the stream, search and manual capture.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import { MentionChangeNotifier } from './changeNotifier';
import type { MentionEnricher } from './enricher';
import { mentionsHandlers } from './handlers';
import { IngestService } from './ingestService';
import { MentionService } from './mentionService';
import { RetentionPruner, startRetentionSchedule } from './retention/retentionPruner';

export interface MentionsFeature extends FeatureModule {
  /** Connectors, imports, the webhook, capture and exercise injects all hand their mentions here. */
  readonly ingest: IngestService;
  /** The retention policy's background pruning; exposed so a test or a tool can run it at once. */
  readonly pruner: RetentionPruner;
  /** Reads stored mentions (the press desk checks who wrote the post an inquiry came from). */
  readonly service: MentionService;
}

export function createMentions(deps: {
  store: WorkspaceStore;
  enricher: MentionEnricher;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  retentionMonths: (id: WorkspaceId) => number;
  audit: (id: WorkspaceId, code: string, data: Record<string, string | number>) => void;
}): MentionsFeature {
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
  const pruner = new RetentionPruner({
    ...deps,
    record: (id, run) => deps.audit(id, 'retention.pruned', { ...run, horizon: run.horizon.slice(0, 10) }),
  });
  let stopRetention = (): void => {};
  const service = new MentionService(deps.store, ingest, deps.clock);
  return {
    ingest,
    pruner,
    service,
    handlers: mentionsHandlers(service),
    start: () => {
      stopRetention = startRetentionSchedule(pruner);
    },
    stop: () => {
      stopRetention();
      stopWatching();
      notifier.close();
    },
  };
}
