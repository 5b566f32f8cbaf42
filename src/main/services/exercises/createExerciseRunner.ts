// Wires the exercise runner to the real core services: ingestion, sources, watches, crisis log.
import { AppFailure } from '../../../shared/contract/envelope';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../core/clock';
import type { EventBus } from '../../core/eventBus';
import type { Logger } from '../../core/logger';
import type { IngestService } from '../../ingest/ingestService';
import type { CrisisLogService } from '../crisisLog/crisisLogService';
import type { SourceService } from '../listen/sourceService';
import type { WatchService } from '../listen/watchService';
import type { WorkspaceService } from '../workspaces/workspaceService';
import type { WorkspaceStore } from '../workspaces/workspaceStore';
import { ExerciseRunner } from './exerciseRunner';
import { ScenarioLibrary } from './scenarioLibrary';

const FEED_NAME = 'Exercise injects';

export function createExerciseRunner(deps: {
  store: WorkspaceStore;
  workspaces: WorkspaceService;
  sources: SourceService;
  watches: WatchService;
  ingest: IngestService;
  crisisLog: CrisisLogService;
  events: EventBus;
  clock: Clock;
  logger: Logger;
}): ExerciseRunner {
  const prepareFeed = (workspaceId: WorkspaceId, brand: string): number => {
    const feed =
      deps.sources.list(workspaceId).find((s) => s.kind === 'exercise' && s.name === FEED_NAME) ??
      deps.sources.create(workspaceId, { kind: 'exercise', name: FEED_NAME });
    const watched = deps.watches.list(workspaceId).some((w) => w.keywords.some((k) => k.toLowerCase() === brand.toLowerCase()));
    if (!watched) deps.watches.create(workspaceId, { name: brand, keywords: [brand] });
    return feed.id;
  };
  return new ExerciseRunner({
    scripts: new ScenarioLibrary(),
    clock: deps.clock,
    events: deps.events,
    assertExercise: (workspaceId) => {
      if (deps.store.get(workspaceId).kind !== 'exercise') {
        throw new AppFailure('FORBIDDEN', 'Scenarios run only in exercise workspaces, never on live data.');
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
  });
}
