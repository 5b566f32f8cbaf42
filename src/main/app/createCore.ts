// Builds the Electron-free core from its dependencies: the one object both shells (Electron, browser) host.
import { LIVE_WORKSPACE_ID, type WorkspaceId } from '../../shared/domain/workspace';
import { createDispatcher, type Dispatch } from '../platform/ipc/dispatcher';
import { crisisLogHandlers } from '../features/crisisLog';
import { incidentHandlers } from '../features/incidents';
import { importHandlers } from '../features/imports';
import { liveFeedsHandlers } from '../features/sources';
import { createImports } from '../features/imports';
import { networkHandlers } from '../features/security';
import { backupHandlers } from '../features/backups';
import { securityHandlers } from '../features/security';
import { crisisLogAudit } from '../features/crisisLog';
import { startBackupSchedule } from '../features/backups';
import { BackupService } from '../features/backups';
import { NetworkPolicy } from '../platform/net/networkPolicy';
import { exerciseHandlers } from '../features/exercises';
import { exerciseRunHandlers } from '../features/exercises';
import { lessonsHandlers } from '../features/lessons';
import { planHandlers } from '../features/plan';
import { systemHandlers, type ShellFacts } from '../features/system';
import type { Handlers } from '../platform/ipc/handlerTypes';
import { workspaceHandlers } from '../features/workspaces';
import { ConnectorRegistry } from '../features/sources';
import { MentionChangeNotifier } from '../features/mentions';
import { createDetection } from '../features/detection';
import type { DetectionService } from '../features/detection';
import { IngestService } from '../features/mentions';
import { rssConnector } from '../features/sources';
import { mastodonConnector } from '../features/sources';
import { blueskyConnector } from '../features/sources';
import { createLiveFeeds } from '../features/sources';
import { SourceScheduler } from '../features/sources';
import { mentionsHandlers, sourcesHandlers, watchesHandlers } from '../features/mentions';
import { MentionService } from '../features/mentions';
import { DashboardService } from '../features/dashboard';
import { dashboardHandlers } from '../features/dashboard';
import { DemoFeed } from '../features/demo';
import { demoHandlers } from '../features/demo';
import { SourceService } from '../features/sources';
import { WatchService } from '../features/watches';
import { WebhookService } from '../features/sources';
import { CrisisLogService } from '../features/crisisLog';
import { IncidentService } from '../features/incidents';
import { createExerciseRunner } from '../features/exercises';
import { ExerciseDebriefService } from '../features/exercises';
import type { ExerciseRunner } from '../features/exercises';
import { ExerciseService } from '../features/exercises';
import { LessonsService } from '../features/lessons';
import { loadDefaultPlan } from '../features/plan';
import { PlanService } from '../features/plan';
import { WorkspaceService } from '../features/workspaces';
import type { KeyRing } from '../platform/security/keyRing';
import { WorkspaceStore } from '../platform/workspaces/workspaceStore';
import type { Clock } from '../platform/clock';
import { EventBus } from '../platform/events/eventBus';
import type { Logger } from '../platform/logger';
import { createComposer, type Composer, type ComposerTuning } from '../features/composer';
import { createReports, type Reports } from '../features/reports';

export interface CoreOptions {
  readonly dataDir: string;
  /** The shell's bus when it already pushes events (e.g. while the data was locked); a new one otherwise. */
  readonly events?: EventBus;
  readonly keyRing: KeyRing;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shell: ShellFacts;
  readonly checkOutput?: boolean;
  /** Outbox timing (short backoff and timeouts in tests); the defaults suit real networks. */
  readonly composerTuning?: ComposerTuning;
  /** Start (or resume) the demo watch fed by a looping scenario; only `npm start` turns it on (TOCSIN_DEMO). */
  readonly demo?: boolean;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly workspaces: WorkspaceService;
  readonly network: NetworkPolicy;
  readonly plans: PlanService;
  readonly exercises: ExerciseService;
  readonly exerciseRuns: ExerciseRunner;
  /** The one way mentions enter a workspace (connectors, imports, webhook, capture, exercise injects). */
  readonly ingest: IngestService;
  /** Pull connectors by source kind; each connector module registers itself here. */
  readonly connectors: ConnectorRegistry;
  /** Saved sources, their health, and the allow-list entries they need. */
  readonly sources: SourceService;
  /** Watches, and the re-matching of stored mentions when one is created or edited. */
  readonly watches: WatchService;
  readonly crisisLog: CrisisLogService;
  /** Statements, approvals and the outbox with its publishing worker. */
  readonly composer: Composer;
  readonly incidents: IncidentService;
  /** Crisis level per watch, alerts and their explanations, backtests. */
  readonly detection: DetectionService;
  /** Incident report PDF, archive and CSV/XLSX export jobs, archive import. */
  readonly reports: Reports;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const { dataDir, keyRing, clock, logger, shell, checkOutput, composerTuning } = options;
  const events = options.events ?? new EventBus();
  const store = new WorkspaceStore(dataDir, keyRing, clock);
  if (!store.exists(LIVE_WORKSPACE_ID)) store.create(LIVE_WORKSPACE_ID, 'live');
  // System entries are stored in the report language; the workspace service below is ready before any is written.
  const crisisLog = new CrisisLogService(store, events, clock, (id) => workspaces.get(id).settings.reportLanguage);
  const audit = crisisLogAudit(crisisLog);
  const workspaces = new WorkspaceService(store, events, clock, (id, changed) => {
    if ('sealed' in changed) audit(id, changed.sealed ? 'sealed.on' : 'sealed.off', `Sealed mode turned ${changed.sealed ? 'on' : 'off'}.`);
  });
  // Connectors and publishers take their gate from network.gateFor(workspaceId) and declare the origins
  // they need with network.addOriginProvider: that is the allow-list sealed mode enforces.
  const network = new NetworkPolicy((id) => workspaces.get(id).settings.sealed);
  const plans = new PlanService(store, events, clock, loadDefaultPlan);
  const exercises = new ExerciseService(store, workspaces, plans, events, clock);
  const mentionNotifier = new MentionChangeNotifier(events);
  const detection = createDetection({
    store,
    events,
    clock,
    clockFor: (id) => ({ now: () => exerciseRuns.gameNow(id) }),
    logger,
    crisisLog,
    plan: (id) => plans.get(id).plan,
  });
  const ingest = new IngestService({
    workspaces: store,
    enricher: detection.enricher,
    clock,
    notifier: mentionNotifier,
    onListenerError: (error) => logger.error('ingest listener failed', { error: String(error) }),
  });
  detection.attach(ingest);
  const connectors = new ConnectorRegistry().register(rssConnector).register(mastodonConnector).register(blueskyConnector);
  const scheduler = new SourceScheduler({ workspaces: store, registry: connectors, ingest, gateFor: (id) => network.gateFor(id), clock, events, logger });
  const webhooks = new WebhookService(store, ingest, clock, logger);
  const sources = new SourceService({
    workspaces: store,
    registry: connectors,
    scheduler,
    isSealed: (id) => network.view(id).sealed,
    events,
    clock,
    pushProblem: (kind, config) => (kind === 'webhook' ? webhooks.problemOf(config) : undefined),
  });
  network.addOriginProvider((id) => sources.allowedOrigins(id));
  const liveFeeds = createLiveFeeds({ workspaces: store, ingest, network, scheduler, events, logger });
  const watches = new WatchService(store, ingest, events, clock, logger, audit);
  const mentions = new MentionService(store, ingest, clock);
  const dashboard = new DashboardService(store, clock);
  const demo = new DemoFeed({ store, watches, ingest, events, clock, logger });
  const composer = createComposer({ store, events, clock, logger, crisisLog, network, plans, ingest, tuning: composerTuning });
  const incidents = new IncidentService({
    store,
    events,
    clock,
    log: crisisLog,
    plan: (id) => plans.get(id).plan,
    settings: (id) => workspaces.get(id).settings,
    alerts: {
      get: (id, alertId) => detection.service.getAlert(id, alertId),
      acknowledge: (id, alertId, note, by) => void detection.service.setStatus(id, alertId, 'acknowledged', note, by),
    },
  });
  const backups = new BackupService(dataDir, store, keyRing, clock, (id) => {
    const integrity = crisisLog.verify(id);
    return integrity.ok
      ? { ok: true, detail: `crisis log verified (${integrity.checked} records).` }
      : { ok: false, detail: `its crisis log chain is broken at record ${integrity.firstBroken?.seq ?? '?'}.` };
  });
  const stopBackups = startBackupSchedule({
    clock,
    logger,
    workspaceIds: () => store.ids(),
    intervalHours: (id) => workspaces.get(id).settings.backupHours,
    newestBackupAt: (id) => backups.list(id)[0]?.createdAt,
    backUp: (id) => {
      const info = backups.create(id);
      audit(id, 'backup.scheduled', `Scheduled backup ${info.name} created.`, { name: info.name });
      events.emit('backup:changed', { workspaceId: id, restored: false });
    },
  });
  const imports = createImports(ingest, events, () => clock.now().getTime(), (id, sourceId) => {
    try {
      return sources.get(id, sourceId).kind;
    } catch {
      return undefined;
    }
  });
  const exerciseStatements = (id: string) => composer.statements.list(id, null).map((statement) => composer.statements.get(id, statement.id));
  const exerciseRuns = createExerciseRunner({ store, workspaces, sources, watches, ingest, crisisLog, events, clock, logger, statements: exerciseStatements });
  const reports = createReports({ store, workspaces, incidents, crisisLog, statements: composer.statements, detection: detection.service, events, logger, clock, audit });
  const lessons = new LessonsService(store, events, clock);
  const exerciseDebriefs = new ExerciseDebriefService({
    store,
    runner: exerciseRuns,
    alerts: (id) => detection.service.listAlerts(id, 'all', 500),
    incidents: (id) => incidents.list(id).map((incident) => incidents.get(id, incident.id)),
    statements: exerciseStatements,
    lessons: (id) => lessons.list(id),
    exerciseName: (id) => workspaces.get(id).settings.displayName,
    clock,
  });

  const handlers: Handlers = {
    ...systemHandlers(shell),
    ...workspaceHandlers(workspaces),
    ...watchesHandlers(watches),
    ...sourcesHandlers(sources),
    ...mentionsHandlers(mentions),
    ...dashboardHandlers(dashboard),
    ...demoHandlers(demo),
    ...planHandlers(plans),
    ...exerciseHandlers(exercises),
    ...exerciseRunHandlers(exerciseRuns, exerciseDebriefs),
    ...lessonsHandlers(lessons),
    ...securityHandlers(keyRing, store, events, clock, audit),
    ...backupHandlers(backups, events, audit),
    ...networkHandlers(network),
    ...crisisLogHandlers(crisisLog),
    ...composer.handlers,
    ...incidentHandlers(incidents),
    ...importHandlers(imports),
    ...liveFeedsHandlers(liveFeeds),
    ...detection.handlers,
    ...reports.handlers,
  };

  composer.start();

  scheduler.startWorkspace(LIVE_WORKSPACE_ID);
  if (options.demo) void demo.start().catch((error: unknown) => logger.error('demo failed to start', { error: String(error) }));
  // Webhook ports follow the live workspace's webhook sources: opened, moved or closed as they change.
  void webhooks.sync();
  events.subscribe((name, payload) => {
    if (name === 'sources:changed' && (payload as { workspaceId: string }).workspaceId === LIVE_WORKSPACE_ID) void webhooks.sync();
    if (name === 'watches:changed') detection.service.watchesChanged((payload as { workspaceId: WorkspaceId }).workspaceId);
  });
  liveFeeds.startWorkspace(LIVE_WORKSPACE_ID);

  return {
    dispatch: createDispatcher(handlers, { checkOutput, logger }),
    events,
    workspaces,
    network,
    plans,
    exercises,
    exerciseRuns,
    ingest,
    connectors,
    sources,
    watches,
    crisisLog,
    composer,
    incidents,
    detection: detection.service,
    reports,
    close: () => {
      watches.stop();
      detection.stop();
      exerciseRuns.stopAll();
      void composer.stop();
      scheduler.stop();
      demo.close();
      void webhooks.close();
      liveFeeds.stop();
      stopBackups();
      mentionNotifier.close();
      store.close();
    },
  };
}
