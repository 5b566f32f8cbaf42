// Turns a flood of committed batches into at most a few `mentions:changed` events per second per workspace.
// The first change is announced at once (a lone capture shows without delay); changes during the quiet
// interval that follows are gathered into one trailing event.
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { EventBus } from '../../platform/events/eventBus';

interface Window {
  readonly timer: NodeJS.Timeout;
  /** Sources changed since the last event; empty when nothing is waiting. */
  readonly waiting: Set<number>;
}

export class MentionChangeNotifier {
  readonly #windows = new Map<WorkspaceId, Window>();

  constructor(
    private readonly events: EventBus,
    private readonly intervalMs = 300,
  ) {}

  notify(workspaceId: WorkspaceId, sourceId: number): void {
    const open = this.#windows.get(workspaceId);
    if (open) {
      open.waiting.add(sourceId);
      return;
    }
    this.events.emit('mentions:changed', { workspaceId, sourceIds: [sourceId] });
    this.#quiet(workspaceId);
  }

  close(): void {
    for (const { timer } of this.#windows.values()) clearTimeout(timer);
    this.#windows.clear();
  }

  #quiet(workspaceId: WorkspaceId): void {
    const waiting = new Set<number>();
    const timer = setTimeout(() => {
      this.#windows.delete(workspaceId);
      if (waiting.size === 0) return;
      this.events.emit('mentions:changed', { workspaceId, sourceIds: [...waiting] });
      this.#quiet(workspaceId);
    }, this.intervalMs);
    timer.unref();
    this.#windows.set(workspaceId, { timer, waiting });
  }
}
