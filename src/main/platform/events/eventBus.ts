// In-process fan-out of contract push events to whichever transports are attached (IPC, SSE).
import type { EventName, EventPayload } from '../../../shared/contract/index';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      // One failing transport (e.g. a closed window) must not stop the others from hearing the event.
      try {
        listener(name, payload);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }
}
