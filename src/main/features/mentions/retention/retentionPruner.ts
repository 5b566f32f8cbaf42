// The retention policy of each workspace: full mentions are kept N months, then only their rollups and the mentions
// that are evidence. Pruning runs in small transactions and yields between them, so ingestion and the screens keep
// the database between two batches; each run that removed something is written to the crisis log.
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Clock } from '../../../platform/clock';
import type { Logger } from '../../../platform/logger';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../../platform/workspaces/workspaceStore';
import { RetentionRepository } from './retentionRepository';

export interface RetentionDeps {
  readonly store: Pick<WorkspaceStore, 'ids' | 'get'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Months of full mentions to keep; 0 keeps everything. */
  readonly retentionMonths: (id: WorkspaceId) => number;
  /** Writes a system entry of the run to the workspace's crisis log. */
  readonly record: (id: WorkspaceId, data: { removed: number; kept: number; horizon: string; months: number }) => void;
  readonly batchSize?: number;
}

export interface PruneRun {
  readonly workspaceId: WorkspaceId;
  readonly horizon: string;
  readonly removed: number;
  readonly kept: number;
  readonly batches: number;
}

/** The instant before which mentions are past retention: `months` calendar months before `now`, in UTC. */
export function retentionHorizon(now: Date, months: number): string {
  const horizon = new Date(now.getTime());
  horizon.setUTCMonth(horizon.getUTCMonth() - months);
  return horizon.toISOString();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class RetentionPruner {
  readonly #repo = perWorkspace((ws) => new RetentionRepository(ws.db));
  readonly #running = new Set<WorkspaceId>();

  constructor(private readonly deps: RetentionDeps) {}

  /** Prunes every workspace whose policy has a horizon; a run already under way for a workspace is not doubled. */
  async runAll(): Promise<PruneRun[]> {
    const runs: PruneRun[] = [];
    for (const id of this.deps.store.ids()) {
      try {
        const run = await this.run(id);
        if (run) runs.push(run);
      } catch (error) {
        this.deps.logger.error('retention pruning failed', { workspaceId: id, error: String(error) });
      }
    }
    return runs;
  }

  async run(workspaceId: WorkspaceId): Promise<PruneRun | null> {
    const months = this.deps.retentionMonths(workspaceId);
    if (months <= 0 || this.#running.has(workspaceId)) return null;
    this.#running.add(workspaceId);
    try {
      const horizon = retentionHorizon(this.deps.clock.now(), months);
      const repo = this.#repo(this.deps.store.get(workspaceId));
      // Marked before the first deletion: a recount running between two batches must already stop at the horizon.
      repo.markPruned(horizon);
      repo.gatherNamed();
      let cursor: { publishedAt: string; id: number } | null = { publishedAt: '', id: 0 };
      let removed = 0;
      let kept = 0;
      let batches = 0;
      while (cursor) {
        const batch = repo.pruneBatch(horizon, cursor, this.deps.batchSize ?? 500);
        removed += batch.removed;
        kept += batch.kept;
        batches += 1;
        cursor = batch.next;
        if (cursor) await nextTurn();
      }
      this.deps.logger.info('retention pruning done', { workspaceId, horizon, removed, kept, batches });
      if (removed > 0) this.deps.record(workspaceId, { removed, kept, horizon, months });
      return { workspaceId, horizon, removed, kept, batches };
    } finally {
      this.#running.delete(workspaceId);
    }
  }
}

const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 60 * 60_000;

/**
 * Runs the pruner a minute after start (not during it: the first paint comes first), then every hour. The timers
 * never keep the process alive on their own.
 */
export function startRetentionSchedule(pruner: RetentionPruner): () => void {
  let every: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void pruner.runAll();
    every = setInterval(() => void pruner.runAll(), EVERY_MS);
    every.unref();
  }, FIRST_AFTER_MS);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
