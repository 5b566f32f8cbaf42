// Turns a flood of committed batches into at most a few `mentions:changed` events per second per workspace.
import type { WorkspaceId } from '../../shared/domain/workspace';
import type { EventBus } from '../core/eventBus';

export class MentionChangeNotifier {
  readonly #pending = new Map<WorkspaceId, { sourceIds: Set<number>; timer: NodeJS.Timeout }>();

  constructor(
    private readonly events: EventBus,
    private readonly intervalMs = 300,
  ) {}

  notify(workspaceId: WorkspaceId, sourceId: number): void {
    const pending = this.#pending.get(workspaceId);
    if (pending) {
      pending.sourceIds.add(sourceId);
      return;
    }
    const sourceIds = new Set([sourceId]);
    const timer = setTimeout(() => {
      this.#pending.delete(workspaceId);
      this.events.emit('mentions:changed', { workspaceId, sourceIds: [...sourceIds] });
    }, this.intervalMs);
    timer.unref();
    this.#pending.set(workspaceId, { sourceIds, timer });
  }

  close(): void {
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }
}
