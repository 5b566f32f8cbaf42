// Assembles the composer for the core: statements, outbox, publishing worker, and their allow-listed origins.
import { createDraftChecker } from '../../../shared/composer/draftCheck';
import type { MentionFilter } from '../../../shared/domain/storedMention';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { PublishAccountRepository } from './outbox/publishAccountRepository';
import { composerHandlers } from './handlers';
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import type { BackoffPolicy } from '../../platform/net/retryBackoff';
import { createBlueskyPublisher } from './outbox/blueskyPublisher';
import { createMastodonPublisher } from './outbox/mastodonPublisher';
import { OutboxService } from './outbox/outboxService';
import { OutboxWorker } from './outbox/outboxWorker';
import type { CrisisLogService } from '../crisisLog';
import type { PlanService } from '../plan';
import { MentionReadRepository, mentionFtsQuery, type IngestService } from '../mentions';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { CampaignFreezeService } from './campaignFreezeService';
import { GoingOfflineService } from './goingOfflineService';
import type { WatchLevelSince } from '../../../shared/composer/goingOffline';
import { crisisLogForComposer } from './crisisLogAdapter';
import { loadDraftRuleSets } from './draftRuleSets';
import { ResponseQueueService } from './responseQueueService';
import type { QueueScope } from './responseQueueRepository';
import { loadResponseRules } from './responseRules';
import { StatementService } from './statementService';
import { SharedStatementRepository } from './sharedStatements/sharedStatementRepository';
import { SharedStatements } from './sharedStatements/sharedStatements';
import { StatementRepository } from './statementRepository';
import { SharedOpLog } from '../../platform/sync/sharedOpLog';

/** The shipped role that hears what staff post about the crisis. */
const STAFF_ROLE = 'hrInternalComms';

/** Test and exercise knobs; the defaults suit real networks. */
export interface ComposerTuning {
  readonly backoff?: BackoffPolicy;
  readonly requestTimeoutMs?: number;
  readonly idleMs?: number;
  readonly concurrency?: number;
  /** How long a publish claim waits for the cell's other claims. */
  readonly claimSettleMs?: number;
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
  /** New mentions are triaged for the response queue as each batch is committed. */
  readonly ingest: IngestService;
  readonly tuning?: ComposerTuning;
  /** An incident's watches and period, for its own response queue. */
  readonly incidentScope?: (workspaceId: string, incidentId: string) => QueueScope;
  /** Each watch's crisis level and since when, for the going-offline suggestion. */
  readonly crisisLevels?: (workspaceId: string) => WatchLevelSince[];
  /** The workspace's own clock (an exercise's game time), which the detection stamps its levels with. */
  readonly clockFor?: (workspaceId: string) => Clock;
}

export function createComposer({ store, events, clock, logger, crisisLog, network, plans, ingest, tuning = {}, incidentScope, crisisLevels = () => [], clockFor = () => clock }: ComposerDeps) {
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
  // Statements wake the worker, which is built just below: the callback only runs after construction.
  const rules = loadDraftRuleSets();
  const checkers = { fr: createDraftChecker(rules.fr), en: createDraftChecker(rules.en) };
  const statementRows = perWorkspace((ws) => new StatementRepository(ws.db));
  const links = perWorkspace((ws) => new SharedStatementRepository(ws.db));
  // The statements service is built just below: these callbacks only run once a cell attaches.
  const shared = new SharedStatements(
    {
      links: (workspaceId) => links(store.get(workspaceId)),
      statement: (workspaceId, statementId) => statementRows(store.get(workspaceId)).get(statementId),
      decisions: (workspaceId, statementId) => statementRows(store.get(workspaceId)).decisions(statementId),
      takeIn: (workspaceId, intake) => statements.takeInShared(workspaceId, intake),
      publish: (workspaceId, statementId, person) => void statements.enqueue(workspaceId, statementId, person),
    },
    () => clock.now().getTime(),
    logger,
    { claimSettleMs: tuning.claimSettleMs },
  );
  const statements = new StatementService({
    sharing: shared,
    store,
    events,
    clock,
    log,
    checkers,
    onQueued: () => worker.wake(),
    approvers: (workspaceId) => plans.get(workspaceId).plan.approvals,
    threadNumbering: (workspaceId) => plans.get(workspaceId).plan.publishing.threadNumbering,
  });
  const mentions = perWorkspace((ws) => new MentionReadRepository(ws.db));
  const searchIds = (workspaceId: string, filter: MentionFilter, limit: number): number[] =>
    mentions(store.get(workspaceId)).matchingIds(filter, mentionFtsQuery(filter.query), limit);
  // Staff posts go to HR and internal communications, when the plan still has that role.
  const staffRole = (workspaceId: string): string | null => (plans.get(workspaceId).plan.roles.some((role) => role.id === STAFF_ROLE) ? STAFF_ROLE : null);
  const wallMs = () => clock.now().getTime();
  const sharedQueue = new SharedOpLog('responses', wallMs, logger);
  const responses = new ResponseQueueService(store, events, clock, log, statements, loadResponseRules(), staffRole, incidentScope, searchIds, sharedQueue);
  // A reply statement arriving from the cell may be what a queue item folded from the cell was waiting for.
  const stopWaitingStatements = events.on('composer:changed', ({ workspaceId, statementId }) => {
    if (statementId !== null) responses.foldWaiting(workspaceId);
  });
  // A reply that goes out answers the mentions it was written for.
  const onPublished = (workspaceId: string, statementId: string): void => responses.statementPublished(workspaceId, statementId);
  const worker = new OutboxWorker({
    store,
    events,
    clock,
    logger,
    log,
    gateFor: (workspaceId) => network.gateFor(workspaceId),
    publishers: { mastodon: createMastodonPublisher(), bluesky: createBlueskyPublisher() },
    requiredRoles: (workspaceId, kind) => statements.requiredRoles(workspaceId, kind),
    onPublished,
    ...tuning,
  });
  const outbox = new OutboxService(store, events, clock, log, () => worker.wake(), onPublished);
  // Unsealing a workspace (or any settings change) is a chance to publish at once rather than after a long backoff.
  const stopWatchingSettings = events.on('workspaces:changed', ({ workspaceId }) => worker.retryAllNow(workspaceId));
  const sharedFreezes = new SharedOpLog('freezes', wallMs, logger);
  const freezes = new CampaignFreezeService(store, events, clock, log, (id) => plans.get(id).plan.campaigns, sharedFreezes);
  const goingOffline = new GoingOfflineService({
    events,
    logger,
    log,
    levels: crisisLevels,
    campaigns: (id) => freezes.list(id),
    afterMinutes: (id) => plans.get(id).plan.publishing.goingOfflineAfterMinutes,
    now: (id) => clockFor(id).now(),
  });
  // The detection hears a batch first (it is attached before the composer is built), so its levels are current here.
  const stopTriage = ingest.onCommitted((batch) => {
    responses.triageBatch(batch);
    goingOffline.recheck(batch.workspaceId);
  });
  return {
    statements,
    shared,
    /** The response queue's and the campaign freezes' shared domains. */
    sharedDomains: [shared, sharedQueue, sharedFreezes],
    responses,
    freezes,
    outbox,
    worker,
    handlers: composerHandlers(statements, outbox, rules, log, freezes, responses, goingOffline),
    start: () => {
      goingOffline.start();
      worker.start();
    },
    stop: () => {
      goingOffline.stop();
      stopTriage();
      stopWatchingSettings();
      stopWaitingStatements();
      return worker.stop();
    },
  };
}

export type Composer = ReturnType<typeof createComposer>;
