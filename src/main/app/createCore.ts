// Builds the Electron-free core: the platform, then each feature module in dependency order. The one object both
// shells (Electron, browser) host. No business rule lives here: only which feature gets which collaborator.
import { join } from 'node:path';
import { callNames } from '../../shared/contract/index';
import { LIVE_WORKSPACE_ID } from '../../shared/domain/workspace';
import { EventBus } from '../platform/events/eventBus';
import { createDispatcher } from '../platform/ipc/dispatcher';
import { mergeHandlers, type FeatureModule } from '../platform/ipc/handlerTypes';
import { NetworkPolicy } from '../platform/net/networkPolicy';
import { WorkspaceStore } from '../platform/workspaces/workspaceStore';
import { createBackups } from '../features/backups';
import { createCell } from '../features/cell';
import { createClocks } from '../features/clocks';
import { createComposer } from '../features/composer';
import { createCrisisLog, crisisLogMigrationHooks } from '../features/crisisLog';
import { createDashboard } from '../features/dashboard';
import { createDemo } from '../features/demo';
import { createDetection } from '../features/detection';
import { createExercises } from '../features/exercises';
import { createImports } from '../features/imports';
import { createIncidents, scopeWindow } from '../features/incidents';
import { createLessons } from '../features/lessons';
import { createMentions } from '../features/mentions';
import { createNotify } from '../features/notify';
import { createPlan } from '../features/plan';
import { createPress } from '../features/press';
import { createCompensation } from '../features/compensation';
import { createReports } from '../features/reports';
import { createSecurity } from '../features/security';
import { createSources } from '../features/sources';
import { createSystem } from '../features/system';
import { createWatches } from '../features/watches';
import { createWorkspaces, reportLanguageIn } from '../features/workspaces';
import type { CoreOptions } from './coreOptions';

export type { CoreOptions } from './coreOptions';
export type Core = ReturnType<typeof createCore>;

export function createCore(options: CoreOptions) {
  const { dataDir, keyRing, clock, logger } = options;
  // Migration 17 re-chains a crisis log under a key kept outside the database, derived from the key ring's secret.
  const store: WorkspaceStore = new WorkspaceStore(dataDir, keyRing, clock, crisisLogMigrationHooks({ store: () => store, clock, language: reportLanguageIn }));
  const base = { store, events: options.events ?? new EventBus(logger), clock, logger };
  const { events } = base;
  if (!store.exists(LIVE_WORKSPACE_ID)) store.create(LIVE_WORKSPACE_ID, 'live');
  const network = new NetworkPolicy((id) => workspaces.service.get(id).settings.sealed, { resolve: options.resolve });
  // System entries are stored in the report language; the workspaces feature is built before any is written.
  const crisisLog = createCrisisLog({ ...base, reportLanguage: (id) => workspaces.service.get(id).settings.reportLanguage });
  const { audit, service: log } = crisisLog;
  const workspaces = createWorkspaces({ ...base, audit });
  const plan = createPlan({ ...base, firstPlan: options.firstPlan });
  const planOf = (id: string) => plan.service.get(id).plan;
  // Detection reads each workspace's own clock: an exercise runs on its game clock.
  const detection = createDetection({
    ...base,
    clockFor: (id) => ({ now: () => exercises.runner.gameNow(id) }),
    crisisLog: log,
    plan: planOf,
    toneModelFolder: (id) => join(dataDir, 'models', id, 'tone'),
  });
  const mentions = createMentions({ ...base, enricher: detection.enricher, audit, retentionMonths: (id) => settingsOf(id).retentionMonths });
  const { ingest } = mentions;
  detection.attach(ingest);
  const sources = createSources({ ...base, ingest, network, cellTuning: options.cellSources });
  const watches = createWatches({ ...base, audit });
  // The composer asks for an incident's scope only when a call names one, after every feature is built.
  const incidentScope = (id: string, incidentId: string) => scopeWindow(incidents.service.scope(id, incidentId), clock.now());
  const composer = createComposer({ ...base, crisisLog: log, network, plans: plan.service, ingest, tuning: options.composerTuning, incidentScope,
    crisisLevels: (id) => detection.service.levels(id),
    clockFor: (id) => ({ now: () => exercises.runner.gameNow(id) }),
  });
  const settingsOf = (id: string) => workspaces.service.get(id).settings;
  const incidents = createIncidents({ ...base, log, plan: planOf, settings: settingsOf, alerts: detection.alerts });
  // An exercise's escalation steps fall due in game minutes, like its clocks.
  const minutesSince = (id: string, since: string) => {
    const run = exercises.runner.run(id);
    const start = run && exercises.runner.gameMinuteAt(id, since);
    return run && start !== null ? run.gameMinute - start : (clock.now().getTime() - Date.parse(since)) / 60_000;
  };
  const notify = createNotify({ ...base, log, network, incidents: incidents.service, plan: planOf, minutesSince, language: (id) => settingsOf(id).reportLanguage, options: options.notify });
  // Regulatory clocks read each workspace's own clock: an exercise's deadlines run in game time. Their reminders
  // are queued by notify in the transaction that records them.
  const clocks = createClocks({
    ...{ ...base, clockFor: (id) => ({ now: () => exercises.runner.gameNow(id) }), log, plan: planOf },
    requireIncident: (id, incidentId) => void incidents.service.scope(id, incidentId),
    deliver: (reminder) => notify.service.remind(reminder),
  });
  const statements = (id: string, incidentId: string | null = null) => composer.statements.list(id, incidentId).map((statement) => composer.statements.get(id, statement.id));
  const lessons = createLessons({
    ...{ ...base, log, plans: plan.service, statements },
    incident: (id, incidentId) => incidents.service.get(id, incidentId),
    alerts: (id) => detection.service.listAlerts(id, 'all', 500),
    responses: (id, incidentId) => composer.responses.page(id, { states: ['answered', 'offline'], limit: 1000, incidentId }).items,
  });
  const incidentOf = (id: string, incidentId: string) => incidents.service.get(id, incidentId);
  const press = createPress({
    ...{ ...base, log, plan: planOf, incident: incidentOf, mention: (id, mentionId) => mentions.service.get(id, mentionId) },
    statement: (id, statementId) => composer.statements.get(id, statementId).statement,
  });
  const compensation = createCompensation({
    ...{ ...base, log, incident: incidentOf, approvers: (id) => planOf(id).compensationApprovals },
    requireMention: (id, mentionId) => void mentions.service.get(id, mentionId),
  });
  const exercises = createExercises({
    ...{ ...base, workspaces: workspaces.service, plans: plan.service, sources: sources.service, watches: watches.service, ingest, crisisLog: log, statements },
    alerts: (id) => detection.service.listAlerts(id, 'all', 500),
    incidents: (id) => incidents.service.list(id).map((incident) => incidents.service.get(id, incident.id)),
    lessons: (id) => lessons.service.list(id),
    clocks: (id, incidentId) => clocks.service.list(id, incidentId).clocks,
  });
  const reports = createReports({ ...base, workspaces: workspaces.service, incidents: incidents.service, crisisLog: log, statements: composer.statements, detection: detection.service, audit, planOrganisation: (id) => planOf(id).metadata.organisation, clocks: (id, incidentId) => clocks.service.list(id, incidentId).clocks, retex: (id, incidentId) => lessons.retex.get(id, incidentId), press: (id, incidentId) => press.service.list(id, incidentId), compensation: (id, incidentId) => compensation.service.list(id, incidentId) });
  const modules: FeatureModule[] = [
    ...[createSystem(options.shell), workspaces, crisisLog, createSecurity({ ...base, keyRing, network, audit }), plan, mentions, detection, sources, watches],
    createBackups({ ...base, dataDir, keys: keyRing, audit, crisisLog: log, intervalHours: (id) => settingsOf(id).backupHours }),
    createDashboard({
      ...base,
      replayLevels: (id, watchId, from, to) => detection.service.replayLevels(id, watchId, from, to),
      shareConfusion: (id) => detection.tone.shareConfusion(id),
    }),
    createDemo({ ...base, watches: watches.service, ingest, audit, enabled: options.demo ?? false }),
    createImports({ sink: ingest, events, now: () => clock.now().getTime(), sourceKind: (id, sourceId) => sources.service.kindOf(id, sourceId) }),
    ...[composer, incidents, clocks, notify, lessons, press, compensation, exercises, reports],
    // A relay passes the shared documents on without reading them into read models of its own.
    createCell({ ...base, tuning: options.cellTuning, domains: options.relay ? [] : [log.shared, notify.shared, incidents.service.shared, sources.shared, ...composer.sharedDomains, detection.shared], relay: options.relay, sealed: (id) => workspaces.service.get(id).settings.sealed }),
  ];
  const dispatch = createDispatcher(mergeHandlers(modules, callNames), { checkOutput: options.checkOutput, logger });
  for (const module of modules) module.start?.();
  const close = (): void => {
    for (const module of [...modules].reverse()) module.stop?.();
    store.close();
  };
  const services = { workspaces: workspaces.service, plans: plan.service, exercises: exercises.service, exerciseRuns: exercises.runner, sources: sources.service };
  return { dispatch, events, network, ingest, pruner: mentions.pruner, connectors: sources.connectors, ...services, watches: watches.service, crisisLog: log, composer, incidents: incidents.service, notify: notify.service, mobilisation: notify.shared, cellSources: sources.shared, detection: detection.service, reports, clocks: clocks.service, close };
}
