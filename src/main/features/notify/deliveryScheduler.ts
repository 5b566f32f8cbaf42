// Takes up each mobilisation made on this laptop as it happens, and runs the delivery passes: at start-up (after
// putting back what a crash cut short), whenever an incident changes (an acknowledgement), and on a steady beat so
// escalation steps and retries fall due on the clock.
import type { EventBus } from '../../platform/events/eventBus';
import type { DeliveryService } from './deliveryService';

export class DeliveryScheduler {
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: Array<() => void> = [];

  constructor(
    private readonly service: DeliveryService,
    private readonly events: EventBus,
    /** Beat in wall-clock ms; 0 leaves every pass to the caller (tests drive passes on a fake clock). */
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.service.recoverInterrupted();
    // Taken up at once, even when passes are left to the caller: the mobilisation is queued before anything else runs.
    this.#unsubscribe.push(this.events.on('incidents:mobilised', ({ workspaceId, incidentId, mobilisationId }) => this.service.takeUp(workspaceId, incidentId, mobilisationId)));
    if (this.intervalMs <= 0) return;
    this.#unsubscribe.push(this.events.on('incidents:changed', () => void this.service.tick()));
    this.#timer = setInterval(() => void this.service.tick(), this.intervalMs);
    this.#timer.unref?.();
    void this.service.tick();
  }

  stop(): void {
    clearInterval(this.#timer);
    for (const off of this.#unsubscribe.splice(0)) off();
  }
}
