// Runs the delivery passes: at start-up (after putting back what a crash cut short), whenever an incident changes
// (a mobilisation, an acknowledgement), and on a steady beat so escalation steps and retries fall due on the clock.
import type { EventBus } from '../../platform/events/eventBus';
import type { DeliveryService } from './deliveryService';

export class DeliveryScheduler {
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly service: DeliveryService,
    private readonly events: EventBus,
    /** Beat in wall-clock ms; 0 leaves every pass to the caller (tests drive passes on a fake clock). */
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.service.recoverInterrupted();
    if (this.intervalMs <= 0) return;
    this.#unsubscribe = this.events.on('incidents:changed', () => void this.service.tick());
    this.#timer = setInterval(() => void this.service.tick(), this.intervalMs);
    this.#timer.unref?.();
    void this.service.tick();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#unsubscribe?.();
  }
}
