// Applies a new or edited watch to the mentions already stored: a cell that adds a keyword in the middle of a
// crisis wants the past days under it too (charts, search, detection baseline, backtests), and one that
// imported last year's export wants it analysed. Every stored mention is read in pages without blocking
// ingestion, matched with the same matcher ingestion uses, then the watch's links and rollups are replaced in
// one transaction.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Logger } from '../../platform/logger';
import { WatchRematchRepository } from './watchRematchRepository';
import { WatchRepository } from './watchRepository';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { WatchMatcher } from './watchMatcher';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';

const PAGE = 2_000;
/** Before any date a mention can carry (ingestion refuses impossible ones): the whole store. */
const FROM_MINUTE = Date.parse('0000-01-01T00:00:00.000Z') / 60_000;

interface Run {
  /** The watch changed again while this run was reading: run once more with the new definition. */
  again: boolean;
  done: Promise<void>;
}

export class WatchRematcher {
  readonly #rematch = perWorkspace((ws) => new WatchRematchRepository(ws.db));
  readonly #watches = perWorkspace((ws) => new WatchRepository(ws.db));
  readonly #runs = new Map<string, Run>();
  #stopped = false;

  constructor(
    private readonly deps: {
      workspaces: WorkspaceLookup;
      logger: Logger;
      /** Called after the links and rollups of a watch were replaced. */
      onRematched: (workspaceId: WorkspaceId, watchId: number, matched: number) => void;
    },
  ) {}

  /** Starts (or queues one more) re-match of the watch; resolves when it is done. */
  request(workspaceId: WorkspaceId, watchId: number): Promise<void> {
    const key = `${workspaceId}/${watchId}`;
    const running = this.#runs.get(key);
    if (running) {
      running.again = true;
      return running.done;
    }
    const run: Run = { again: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
        do {
          run.again = false;
          await this.#once(workspaceId, watchId, run);
        } while (run.again && !this.#stopped);
      } catch (error) {
        this.deps.logger.error('watch re-match failed', { workspaceId, watchId, error: String(error) });
      } finally {
        this.#runs.delete(key);
      }
    })();
    this.#runs.set(key, run);
    return run.done;
  }

  /** Every run in progress has finished (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.#runs.size > 0) await Promise.all([...this.#runs.values()].map((r) => r.done));
  }

  stop(): void {
    this.#stopped = true;
  }

  async #once(workspaceId: WorkspaceId, watchId: number, run: Run): Promise<void> {
    const ws = this.deps.workspaces.get(workspaceId);
    const watch = this.#watches(ws).get(watchId);
    // A disabled watch keeps its history; it only stops collecting.
    if (!watch || !watch.enabled) return;
    const matcher = new WatchMatcher([watch]);
    const repo = this.#rematch(ws);
    const fromMinute = FROM_MINUTE;
    const fromIso = new Date(fromMinute * 60_000).toISOString();
    const maxId = repo.maxMentionId();
    const matched: number[] = [];
    for (let after = 0; ; ) {
      if (this.#stopped || run.again) return;
      const page = repo.page(after, maxId, fromIso, PAGE);
      if (page.length === 0) break;
      for (const m of page) {
        const ids = matcher.match({
          sourceId: m.sourceId,
          language: m.language,
          text: m.text,
          title: m.title ?? undefined,
          authorHandle: m.authorHandle ?? undefined,
        });
        if (ids.length > 0) matched.push(m.id);
      }
      after = page[page.length - 1]!.id;
      await nextTurn();
    }
    if (this.#stopped || run.again) return;
    repo.replace(watchId, fromMinute, maxId, matched);
    this.deps.onRematched(workspaceId, watchId, matched.length);
  }
}
