// In-process fan-out of the contract's push events: to features (`on`, one event, its payload typed from the
// contract) and to whichever transports are attached (`subscribe`, every event: IPC, SSE).
import type { EventName, EventPayload } from '../../../shared/contract/index';
import { silentLogger, type Logger } from '../logger';

/** A transport's view: any event, forwarded as it is. */
export type EventListener = (name: EventName, payload: EventPayload<EventName>) => void;

export class EventBus {
  readonly #listeners = new Set<EventListener>();

  constructor(private readonly logger: Logger = silentLogger) {}

  /** Every event, for transports. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One event, its payload typed; for features reacting to each other. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((emitted, payload) => {
      if (emitted === name) listener(payload as EventPayload<E>);
    });
  }

  /** Any of several events that carry a workspace id, for "refresh this workspace" reactions. */
  onAny<E extends EventName>(names: readonly E[], listener: (payload: EventPayload<E>, name: E) => void): () => void {
    const wanted = new Set<EventName>(names);
    return this.subscribe((emitted, payload) => {
      if (wanted.has(emitted)) listener(payload as EventPayload<E>, emitted as E);
    });
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      // A failing listener must neither stop the others from hearing the event nor go deaf to the next one:
      // a transport that is gone unsubscribes itself when it closes.
      try {
        listener(name, payload);
      } catch (error) {
        this.logger.error('event listener failed', { event: name, error: String(error) });
      }
    }
  }
}
