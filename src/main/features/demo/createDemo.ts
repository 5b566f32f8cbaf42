// The demo feature: on a fresh data folder, a demo watch fed by a looping scenario through the real ingestion.
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import type { Logger } from '../../platform/logger';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import type { IngestService } from '../mentions';
import type { WatchService } from '../watches';
import { DemoFeed } from './demoFeed';
import { demoHandlers } from './handlers';

export function createDemo(deps: {
  store: WorkspaceLookup;
  watches: WatchService;
  ingest: IngestService;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Start (or resume) the demo; only `npm start` turns it on (TOCSIN_DEMO). */
  enabled: boolean;
}): FeatureModule {
  const demo = new DemoFeed(deps);
  return {
    handlers: demoHandlers(demo),
    start() {
      if (deps.enabled) void demo.start().catch((error: unknown) => deps.logger.error('demo failed to start', { error: String(error) }));
    },
    stop: () => demo.close(),
  };
}
