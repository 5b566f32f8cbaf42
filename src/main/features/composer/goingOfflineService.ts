// Whether the cell should go quiet now, judged by the going-offline rule over the detection's levels and the
// campaign register, and a push event whenever that answer changes. Levels, freezes and the plan change by
// events; the time a crisis has held grows by itself, so the workspaces asked about are judged again as each batch
// of mentions is committed (after the detection has judged it) and on a timer when none come.
import { goingOfflineSuggestion, type GoingOffline, type WatchLevelSince } from '../../../shared/composer/goingOffline';
import type { CampaignState } from '../../../shared/domain/statement';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';

export interface GoingOfflineDeps {
  readonly events: EventBus;
  readonly logger: Logger;
  readonly levels: (workspaceId: WorkspaceId) => WatchLevelSince[];
  readonly campaigns: (workspaceId: WorkspaceId) => CampaignState[];
  readonly afterMinutes: (workspaceId: WorkspaceId) => number;
  /** The workspace's own clock: an exercise's crisis holds in game minutes. */
  readonly now: (workspaceId: WorkspaceId) => Date;
}

const RECHECK_MS = 15_000;

export class GoingOfflineService {
  /** What was last told for each workspace asked about, to push only changes. */
  readonly #told = new Map<WorkspaceId, string>();
  #timer: NodeJS.Timeout | null = null;
  readonly #stopListening: () => void;

  constructor(private readonly deps: GoingOfflineDeps) {
    this.#stopListening = deps.events.onAny(['detection:levelChanged', 'composer:changed', 'plan:changed', 'watches:changed'], ({ workspaceId }) =>
      this.recheck(workspaceId),
    );
  }

  get(workspaceId: WorkspaceId): GoingOffline | null {
    const suggestion = this.#judge(workspaceId);
    this.#told.set(workspaceId, key(suggestion));
    return suggestion;
  }

  start(): void {
    this.#timer = setInterval(() => {
      for (const workspaceId of [...this.#told.keys()]) this.recheck(workspaceId);
    }, RECHECK_MS);
    this.#timer.unref();
  }

  stop(): void {
    this.#stopListening();
    if (this.#timer) clearInterval(this.#timer);
  }

  #judge(workspaceId: WorkspaceId): GoingOffline | null {
    const { levels, campaigns, afterMinutes, now } = this.deps;
    return goingOfflineSuggestion(levels(workspaceId), campaigns(workspaceId), afterMinutes(workspaceId), now(workspaceId));
  }

  /** Judges a workspace asked about again, and pushes `composer:goingOfflineChanged` when the answer changed. */
  recheck(workspaceId: WorkspaceId): void {
    if (!this.#told.has(workspaceId)) return;
    try {
      const next = key(this.#judge(workspaceId));
      if (next === this.#told.get(workspaceId)) return;
      this.#told.set(workspaceId, next);
      this.deps.events.emit('composer:goingOfflineChanged', { workspaceId });
    } catch (error) {
      // A workspace closed or removed since it was asked about is no longer followed.
      this.#told.delete(workspaceId);
      this.deps.logger.warn('going-offline check dropped a workspace', { workspaceId, error: String(error) });
    }
  }
}

/** The minutes held grow every minute; only whether, since when, which watches and which campaigns matter. */
function key(suggestion: GoingOffline | null): string {
  return suggestion === null ? '' : JSON.stringify([suggestion.since, suggestion.watches, suggestion.campaigns.map((c) => c.id)]);
}
