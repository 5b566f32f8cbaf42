// The demo watch for a newcomer: on a fresh data folder, a "Lemania (DEMO)" watch fed through the real ingestion
// pipeline by the looping scenario, with four days of history so the usual level shows at once. It runs only
// when the shell asks for it (TOCSIN_DEMO, on by default in `npm start` alone), is marked DEMO in the UI and in
// its source name, and stops for good with one click (remembered in the workspace settings).
import type { DemoStatus } from '../../../shared/contract/demo';
import { LIVE_WORKSPACE_ID, type WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { Audit } from '../crisisLog';
import { SettingsRepository } from '../../platform/workspaces/settingsRepository';
import { SourceRepository } from '../sources';
import type { IngestService } from '../mentions';
import type { WatchService } from '../watches';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace } from '../../platform/workspaces/workspaceStore';
import { DEMO_KEYWORD, DemoTimeline } from './demoTimeline';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { inEnglish } from '../../platform/i18n/failure';

const SETTING = 'demo';
/** History at first start: four days, so the last day's usual level has three days behind it. */
const BACKFILL_MS = 4 * 86_400_000;
/** After a pause, what happened meanwhile is filled in, up to three days. */
const CATCH_UP_MS = 3 * 86_400_000;
const BATCH = 500;
export const DEMO_WATCH_NAME = 'Lemania (DEMO)';

interface DemoState {
  watchId: number;
  sourceId: number;
  /** Everything published before this instant (epoch ms) has been handed to ingestion. */
  cursor: number;
  stopped: boolean;
}

export interface DemoFeedDeps {
  store: WorkspaceLookup;
  watches: WatchService;
  ingest: IngestService;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  audit: Audit;
  tickMs?: number;
}

export class DemoFeed {
  readonly #timeline = new DemoTimeline();
  readonly #settings = perWorkspace((ws) => new SettingsRepository(ws.db));
  #timer: NodeJS.Timeout | null = null;
  #busy: Promise<void> | null = null;

  constructor(private readonly deps: DemoFeedDeps) {}

  /**
   * At launch with the demo enabled. Sets it up only on a live workspace without any watch (a fresh data folder),
   * resumes it if it ran before, and does nothing once stopped or when the cell already watches real topics.
   */
  async start(): Promise<void> {
    let state = this.#state();
    if (state?.stopped) return;
    if (!state) {
      if (this.deps.watches.list(LIVE_WORKSPACE_ID).length > 0) return;
      state = this.#create();
      await this.#feed(state, state.cursor - BACKFILL_MS, state.cursor, false);
    }
    this.deps.events.emit('demo:changed', { workspaceId: LIVE_WORKSPACE_ID });
    this.#timer = setInterval(() => void this.advance(), this.deps.tickMs ?? 2000);
    this.#timer.unref();
    await this.advance();
  }

  /** Ingests what the scenario published since the last step (at most the last three days after a long pause). */
  advance(): Promise<void> {
    if (this.#busy) return this.#busy;
    const state = this.#state();
    if (!state || state.stopped) return Promise.resolve();
    const now = this.deps.clock.now().getTime();
    this.#busy = this.#feed(state, Math.max(state.cursor, now - CATCH_UP_MS), now, true)
      .catch((error: unknown) => this.deps.logger.error('demo feed failed', { error: String(error) }))
      .finally(() => {
        this.#busy = null;
      });
    return this.#busy;
  }

  status(workspaceId: WorkspaceId): DemoStatus {
    const state = workspaceId === LIVE_WORKSPACE_ID ? this.#state() : undefined;
    if (!state) return { state: 'off', watchId: null, watchName: null };
    const watch = this.deps.watches.list(workspaceId).find((w) => w.id === state.watchId);
    return { state: state.stopped ? 'stopped' : 'running', watchId: watch?.id ?? null, watchName: watch?.name ?? null };
  }

  /**
   * Stops the feed for good and, when asked, takes back what it stored: the watch through the watch service
   * (audited there), its simulated mentions and its source. Either choice is recorded in the crisis log.
   */
  async stop(workspaceId: WorkspaceId, removeData = false): Promise<DemoStatus> {
    const state = workspaceId === LIVE_WORKSPACE_ID ? this.#state() : undefined;
    if (!state) return this.status(workspaceId);
    const watch = this.deps.watches.list(workspaceId).find((w) => w.id === state.watchId);
    if (!state.stopped) {
      this.close();
      this.#save({ ...state, stopped: true });
    }
    // A step already under way finishes first, so nothing lands after the removal.
    await this.#busy;
    const ws = this.#ws();
    const sources = new SourceRepository(ws.db);
    const source = sources.get(state.sourceId);
    if (removeData && (watch || source)) {
      if (watch) this.deps.watches.delete(workspaceId, watch.id);
      const mentions = source ? this.deps.ingest.removeSource(workspaceId, state.sourceId) : 0;
      if (source) sources.delete(state.sourceId);
      this.deps.audit(workspaceId, 'demo.removed', {
        watch: watch?.name ?? DEMO_WATCH_NAME,
        mentions,
      });
      this.deps.events.emit('sources:changed', { workspaceId });
    } else if (!state.stopped) {
      const mentions = source ? sources.mentionCount(state.sourceId) : 0;
      this.deps.audit(workspaceId, 'demo.kept', {
        watch: watch?.name ?? DEMO_WATCH_NAME,
        mentions,
      });
    }
    this.deps.events.emit('demo:changed', { workspaceId });
    return this.status(workspaceId);
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #feed(state: DemoState, from: number, to: number, waves: boolean): Promise<void> {
    if (to <= from) return;
    const mentions = this.#timeline.between(from, to, waves);
    for (let i = 0; i < mentions.length; i += BATCH) {
      // Stopping mid-way leaves the rest unsent; what was stored stays (it is marked as demo data).
      if (this.#state()?.stopped) return;
      await this.deps.ingest.ingest(LIVE_WORKSPACE_ID, state.sourceId, mentions.slice(i, i + BATCH));
    }
    const latest = this.#state();
    if (latest && !latest.stopped) this.#save({ ...latest, cursor: Math.max(latest.cursor, to) });
  }

  #create(): DemoState {
    const now = this.deps.clock.now();
    const ws = this.#ws();
    const sourceId = new SourceRepository(ws.db).create(
      { kind: 'manual', name: inEnglish('dashboard.demo.sourceName'), config: { channel: 'demo' }, credentials: {}, intervalSeconds: 3600 },
      now.toISOString(),
    );
    const watch = this.deps.watches.create(LIVE_WORKSPACE_ID, { name: DEMO_WATCH_NAME, keywords: [DEMO_KEYWORD] });
    const state: DemoState = { watchId: watch.id, sourceId, cursor: now.getTime(), stopped: false };
    this.#save(state);
    return state;
  }

  #ws(): OpenWorkspace {
    return this.deps.store.get(LIVE_WORKSPACE_ID);
  }

  #state(): DemoState | undefined {
    const value = this.#settings(this.#ws()).getAll()[SETTING] as Partial<DemoState> | undefined;
    if (!value || typeof value.watchId !== 'number' || typeof value.sourceId !== 'number' || typeof value.cursor !== 'number') return undefined;
    return { watchId: value.watchId, sourceId: value.sourceId, cursor: value.cursor, stopped: value.stopped === true };
  }

  #save(state: DemoState): void {
    this.#settings(this.#ws()).setMany({ [SETTING]: state }, this.deps.clock.now().toISOString());
  }
}
