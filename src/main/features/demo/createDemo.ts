// The demo feature: on a fresh data folder, a demo watch fed by a looping scenario through the real ingestion.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { DemoFeed, type DemoFeedDeps } from './demoFeed';
import { demoHandlers } from './handlers';

export function createDemo(
  deps: Omit<DemoFeedDeps, 'tickMs'> & {
    /** Start (or resume) the demo; only `npm start` turns it on (TOCSIN_DEMO). */
    enabled: boolean;
  },
): FeatureModule {
  const demo = new DemoFeed(deps);
  return {
    handlers: demoHandlers(demo),
    start() {
      if (deps.enabled) void demo.start().catch((error: unknown) => deps.logger.error('demo failed to start', { error: String(error) }));
    },
    stop: () => demo.close(),
  };
}
