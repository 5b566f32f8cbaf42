// Whether the cell should go quiet now, judged by the going-offline rule over the detection's levels and the
// campaign register, and a push event whenever that answer changes. Levels, freezes and the plan change by
// events; the time a crisis has held grows by itself, so every workspace heard of is judged again as each batch
// of mentions is committed (after the detection has judged it) and on a timer when none come. Each new suggestion
// is written to the crisis log, so the log shows when going offline was advised as well as when it was done.
import { goingOfflineSuggestion, type GoingOffline, type WatchLevelSince } from '../../../shared/composer/goingOffline';
import type { CampaignState } from '../../../shared/domain/statement';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { ComposerLog } from './composerLog';

export interface GoingOfflineDeps {
  readonly events: EventBus;
  readonly logger: Logger;
  readonly log: ComposerLog;
  readonly levels: (workspaceId: WorkspaceId) => WatchLevelSince[];
  readonly campaigns: (workspaceId: WorkspaceId) => CampaignState[];
  readonly afterMinutes: (workspaceId: WorkspaceId) => number;
  /** The workspace's own clock: an exercise's crisis holds in game minutes. */
  readonly now: (workspaceId: WorkspaceId) => Date;
}

const RECHECK_MS = 15_000;

/** What was last judged for a workspace: the answer's identity, and since when its crisis held (null: none). */
interface Judged {
  readonly key: string;
  readonly since: string | null;
}

export class GoingOfflineService {
  readonly #judged = new Map<WorkspaceId, Judged>();
  #timer: NodeJS.Timeout | null = null;
  readonly #stopListening: () => void;

  constructor(private readonly deps: GoingOfflineDeps) {
    this.#stopListening = deps.events.onAny(['detection:levelChanged', 'composer:changed', 'plan:changed', 'watches:changed'], ({ workspaceId }) =>
      this.recheck(workspaceId),
    );
  }

  get(workspaceId: WorkspaceId): GoingOffline | null {
    return this.#observe(workspaceId);
  }

  start(): void {
    this.#timer = setInterval(() => {
      for (const workspaceId of [...this.#judged.keys()]) this.recheck(workspaceId);
    }, RECHECK_MS);
    this.#timer.unref();
  }

  stop(): void {
    this.#stopListening();
    if (this.#timer) clearInterval(this.#timer);
  }

  /** Judges a workspace again, and pushes `composer:goingOfflineChanged` when the answer changed. */
  recheck(workspaceId: WorkspaceId): void {
    try {
      const before = this.#judged.get(workspaceId);
      this.#observe(workspaceId);
      if (before !== undefined && before.key !== this.#judged.get(workspaceId)?.key) this.deps.events.emit('composer:goingOfflineChanged', { workspaceId });
    } catch (error) {
      // A workspace closed or removed since it was heard of is no longer followed.
      this.#judged.delete(workspaceId);
      this.deps.logger.warn('going-offline check dropped a workspace', { workspaceId, error: String(error) });
    }
  }

  /**
   * The answer now, remembered. A suggestion for a crisis not suggested before is logged; the first judgement of a
   * workspace is not, since after a restart it is the suggestion the log already holds.
   */
  #observe(workspaceId: WorkspaceId): GoingOffline | null {
    const { levels, campaigns, afterMinutes, now } = this.deps;
    const at = now(workspaceId);
    const suggestion = goingOfflineSuggestion(levels(workspaceId), campaigns(workspaceId), afterMinutes(workspaceId), at);
    const before = this.#judged.get(workspaceId);
    this.#judged.set(workspaceId, { key: key(suggestion), since: suggestion?.since ?? null });
    if (suggestion && before !== undefined && before.since !== suggestion.since) {
      this.deps.log.system(workspaceId, {
        incidentId: null,
        code: 'composer.goingOfflineSuggested',
        data: {
          watches: suggestion.watches.join(', '),
          minutes: suggestion.minutesAtCrisis,
          count: suggestion.campaigns.length,
          campaigns: suggestion.campaigns.map((c) => c.name).join(', '),
        },
        occurredAt: at.toISOString(),
      });
    }
    return suggestion;
  }
}

/** The minutes held grow every minute; only whether, since when, which watches and which campaigns matter. */
function key(suggestion: GoingOffline | null): string {
  return suggestion === null ? '' : JSON.stringify([suggestion.since, suggestion.watches, suggestion.campaigns.map((c) => c.id)]);
}
