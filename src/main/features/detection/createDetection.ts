// Builds the tone and detection services for the core and hooks the engine onto committed ingest batches.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Alert } from '../../../shared/domain/detection';
import type { CrisisPlan } from '../../../shared/domain/plan';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { IngestService } from '../mentions';
import { detectionHandlers } from './handlers';
import type { CrisisLogService } from '../crisisLog';
import { loadLexicons } from '../tone';
import { ToneEnricher } from '../tone';
import { ToneService } from '../tone';
import { DetectionService } from './detectionService';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { SharedOpLog } from '../../platform/sync/sharedOpLog';

/** Levels must fall back when mentions stop: the cooldown is checked this often even without new batches. */
const TICK_MS = 30_000;

export interface DetectionParts {
  readonly service: DetectionService;
  readonly tone: ToneService;
  readonly enricher: ToneEnricher;
  readonly handlers: ReturnType<typeof detectionHandlers>;
  /** Alerts and their acknowledgements across the cell. */
  readonly shared: SharedOpLog;
  /** Alerts as the incidents feature reads them: opening an incident from an alert acknowledges it. */
  readonly alerts: {
    get(workspaceId: WorkspaceId, alertId: number): Alert;
    episodeStart(workspaceId: WorkspaceId, alertId: number): string;
    acknowledge(workspaceId: WorkspaceId, alertId: number, note: string, by: string): void;
  };
  attach(ingest: IngestService): void;
  stop(): void;
}

export function createDetection(deps: {
  store: WorkspaceLookup;
  events: EventBus;
  clock: Clock;
  clockFor?: (workspaceId: WorkspaceId) => Clock;
  logger: Logger;
  crisisLog: CrisisLogService;
  plan: (workspaceId: WorkspaceId) => CrisisPlan;
  /** Where a workspace's approved ONNX tone model is read from. */
  toneModelFolder?: (workspaceId: WorkspaceId) => string;
}): DetectionParts {
  const lexicons = loadLexicons();
  const tone = new ToneService(deps.store, lexicons, deps.clock, deps.events, deps.toneModelFolder ?? null);
  const enricher = new ToneEnricher(
    lexicons,
    (id) => tone.model(id),
    (id) => tone.approvedModel(id),
  );
  const shared = new SharedOpLog('alerts', () => deps.clock.now().getTime(), deps.logger);
  const service = new DetectionService({ ...deps, lexicons, shareConfusion: (id) => tone.shareConfusion(id), sharing: shared });
  let unsubscribe: (() => void) | null = null;
  // Watches or the mentions they hold changed: evaluators are warmed again from storage.
  const stopWatching = deps.events.on('watches:changed', ({ workspaceId }) => service.watchesChanged(workspaceId));
  let timer: NodeJS.Timeout | null = null;
  return {
    service,
    tone,
    enricher,
    handlers: detectionHandlers(service, tone),
    shared,
    alerts: {
      get: (id, alertId) => service.getAlert(id, alertId),
      episodeStart: (id, alertId) => service.episodeStart(id, alertId),
      acknowledge: (id, alertId, note, by) => void service.setStatus(id, alertId, 'acknowledged', note, by),
    },
    attach(ingest) {
      unsubscribe = ingest.onCommitted((batch) => service.onCommitted(batch));
      timer = setInterval(() => {
        try {
          service.tick();
        } catch (error) {
          deps.logger.error('detection tick failed', { error: String(error) });
        }
      }, TICK_MS);
      timer.unref();
    },
    stop() {
      stopWatching();
      unsubscribe?.();
      if (timer) clearInterval(timer);
      tone.close();
    },
  };
}
