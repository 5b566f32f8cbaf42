// Assembles the composer for the core: statements, outbox, publishing worker, and their allow-listed origins.
import type { Clock } from '../core/clock';
import type { EventBus } from '../core/eventBus';
import type { Logger } from '../core/logger';
import { PublishAccountRepository } from '../db/repositories/publishAccountRepository';
import { composerHandlers } from '../ipc/handlers/composerHandlers';
import type { NetworkPolicy } from '../net/networkPolicy';
import type { BackoffPolicy } from '../outbox/backoff';
import { createBlueskyPublisher } from '../outbox/blueskyPublisher';
import { createMastodonPublisher } from '../outbox/mastodonPublisher';
import { OutboxService } from '../outbox/outboxService';
import { OutboxWorker } from '../outbox/outboxWorker';
import type { CrisisLogService } from '../services/crisisLog/crisisLogService';
import type { PlanService } from '../services/plan/planService';
import { perWorkspace } from '../services/workspaces/perWorkspace';
import type { WorkspaceStore } from '../services/workspaces/workspaceStore';
import { CampaignFreezeService } from './campaignFreezeService';
import { crisisLogForComposer } from './crisisLogAdapter';
import { loadDraftRuleSets } from './draftRuleSets';
import { StatementService } from './statementService';

/** Test and exercise knobs; the defaults suit real networks. */
export interface ComposerTuning {
  readonly backoff?: BackoffPolicy;
  readonly requestTimeoutMs?: number;
  readonly idleMs?: number;
  readonly concurrency?: number;
}

export interface ComposerDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly crisisLog: CrisisLogService;
  readonly network: NetworkPolicy;
  /** The plan holds the campaign register the freeze acts on. */
  readonly plans: PlanService;
  readonly tuning?: ComposerTuning;
}

export function createComposer({ store, events, clock, logger, crisisLog, network, plans, tuning = {} }: ComposerDeps) {
  const log = crisisLogForComposer(crisisLog);
  const accounts = perWorkspace((ws) => new PublishAccountRepository(ws.db));
  // Only the instance and PDS the cell configured may be reached for publishing.
  network.addOriginProvider((workspaceId) =>
    accounts(store.get(workspaceId))
      .all()
      .flatMap(({ channel, config }) => {
        const c = config as { instanceUrl?: unknown; serviceUrl?: unknown };
        const url = channel === 'mastodon' ? c.instanceUrl : c.serviceUrl;
        return typeof url === 'string' ? [{ origin: url, reason: `outbox: ${channel === 'mastodon' ? 'Mastodon' : 'Bluesky'}` }] : [];
      }),
  );
  const worker = new OutboxWorker({
    store,
    events,
    clock,
    logger,
    log,
    gateFor: (workspaceId) => network.gateFor(workspaceId),
    publishers: { mastodon: createMastodonPublisher(), bluesky: createBlueskyPublisher() },
    ...tuning,
  });
  const statements = new StatementService({ store, events, clock, log, onQueued: () => worker.wake() });
  const outbox = new OutboxService(store, events, clock, log, () => worker.wake());
  const rules = loadDraftRuleSets();
  const freezes = new CampaignFreezeService(store, events, clock, log, (id) => plans.get(id).plan.campaigns);
  return {
    statements,
    outbox,
    worker,
    handlers: composerHandlers(statements, outbox, rules, log, freezes),
    start: () => worker.start(),
    stop: () => worker.stop(),
  };
}

export type Composer = ReturnType<typeof createComposer>;
