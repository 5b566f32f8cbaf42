// Wires the exercise runner to the real core services: ingestion, sources, watches, crisis log.
import { LIVE_WORKSPACE_ID, type WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { createDraftChecker } from '../../../shared/composer/draftCheck';
import type { StatementDetail } from '../../../shared/domain/statement';
import { loadDraftRuleSets } from '../composer';
import { CustomScenarioRepository } from './customScenarioRepository';
import { ExerciseRunRepository } from './exerciseRunRepository';
import type { IngestService } from '../mentions';
import type { CrisisLogService } from '../crisisLog';
import type { SourceService } from '../sources';
import type { WatchService } from '../watches';
import type { WorkspaceService } from '../workspaces';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { ExerciseRunner } from './exerciseRunner';
import { ScenarioLibrary } from './scenarioLibrary';
import { failure, inEnglish } from '../../platform/i18n/failure';

const FEED_NAME = inEnglish('exercises.records.feedName');

export interface ExerciseRunnerDeps {
  store: WorkspaceStore;
  workspaces: WorkspaceService;
  sources: SourceService;
  watches: WatchService;
  ingest: IngestService;
  crisisLog: CrisisLogService;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** The cell's statements, to make the public react to the ones it publishes. */
  statements: (workspaceId: WorkspaceId) => readonly StatementDetail[];
}

export function createExerciseRunner(deps: ExerciseRunnerDeps): ExerciseRunner {
  const prepareFeed = (workspaceId: WorkspaceId, brand: string): number => {
    const feed =
      deps.sources.list(workspaceId).find((s) => s.kind === 'exercise' && s.name === FEED_NAME) ??
      deps.sources.create(workspaceId, { kind: 'exercise', name: FEED_NAME });
    const watched = deps.watches.list(workspaceId).some((w) => w.keywords.some((k) => k.toLowerCase() === brand.toLowerCase()));
    if (!watched) deps.watches.create(workspaceId, { name: brand, keywords: [brand] });
    return feed.id;
  };
  const savedRuns = perWorkspace((ws) => new ExerciseRunRepository(ws.db));
  const customScenarios = perWorkspace((ws) => new CustomScenarioRepository(ws.db));
  const runner = new ExerciseRunner({
    scripts: new ScenarioLibrary(undefined, {
      list: () => customScenarios(deps.store.get(LIVE_WORKSPACE_ID)).list(),
      put: (id, script) => customScenarios(deps.store.get(LIVE_WORKSPACE_ID)).put(id, script, deps.clock.now().toISOString()),
      delete: (id) => customScenarios(deps.store.get(LIVE_WORKSPACE_ID)).delete(id),
    }),
    clock: deps.clock,
    events: deps.events,
    assertExercise: (workspaceId) => {
      if (deps.store.get(workspaceId).kind !== 'exercise') {
        throw failure('FORBIDDEN', 'exercises.failures.liveData');
      }
    },
    prepareFeed,
    ingest: (workspaceId, sourceId, mentions) => deps.ingest.ingestNow(workspaceId, sourceId, mentions),
    log: (workspaceId, entry) => void deps.crisisLog.append(workspaceId, entry),
    language: (workspaceId) => deps.workspaces.get(workspaceId).settings.reportLanguage,
    schedule: (step, everyMs) => {
      const timer = setInterval(step, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    onError: (error) => deps.logger.error('exercise step failed', { error: String(error) }),
    saved: {
      // Only exercise workspaces hold runs; the live one is never asked to open a scenario's state.
      load: (workspaceId) => {
        const ws = deps.store.get(workspaceId);
        return ws.kind === 'exercise' ? savedRuns(ws).load() : null;
      },
      save: (workspaceId, json) => savedRuns(deps.store.get(workspaceId)).save(json, deps.clock.now().toISOString()),
    },
  });
  const rules = loadDraftRuleSets();
  const checkers = { fr: createDraftChecker(rules.fr), en: createDraftChecker(rules.en) };
  deps.events.on('composer:outboxChanged', ({ workspaceId }) => {
    if (!runner.run(workspaceId)) return;
    try {
      for (const { statement, outbox } of deps.statements(workspaceId)) {
        if (statement.kind === 'reply' || !outbox.some((item) => item.state === 'published')) continue;
        const flags = Math.max(checkers.fr.check(statement.textFr, [], statement.kind).length, checkers.en.check(statement.textEn, [], statement.kind).length);
        runner.statementPublished(workspaceId, statement.id, flags);
      }
    } catch (error) {
      deps.logger.error('exercise replies failed', { error: String(error) });
    }
  });
  return runner;
}
