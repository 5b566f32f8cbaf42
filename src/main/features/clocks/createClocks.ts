// The regulatory clocks feature: obligations the cell classifies an incident under, their deadlines and reminders.
import type { FeatureModule } from '../../platform/ipc/handlerTypes';
import { clockHandlers } from './handlers';
import { ClockService, type ClockDeps } from './clockService';

/** Reminders are checked this often; the shortest preset deadline (2 h) makes 10 % of it 12 minutes. */
const REMIND_EVERY_MS = 30_000;

export interface ClocksFeature extends FeatureModule {
  readonly service: ClockService;
}

export function createClocks(deps: ClockDeps): ClocksFeature {
  const service = new ClockService(deps);
  let timer: NodeJS.Timeout | null = null;
  return {
    service,
    handlers: clockHandlers(service),
    start() {
      timer = setInterval(() => service.remindDue(deps.store.ids()), REMIND_EVERY_MS);
      // The reminder check must never keep the process alive on its own.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
