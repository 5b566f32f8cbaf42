// Keeps one live connection per source that has a live feed, in every started workspace, in step with the
// saved sources and the network policy: added, edited, paused or deleted sources and sealed mode apply at once.
import type { HealthMessage } from '../../../../shared/domain/healthMessage';
import type { LiveFeedStatus } from '../../../../shared/domain/liveFeed';
import type { MentionInput } from '../../../../shared/domain/mention';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';
import { SourceRepository } from '../sourceRepository';
import type { WorkspaceLookup } from '../../../platform/workspaces/workspaceLookup';
import type { AllowedOrigin } from '../../../platform/net/networkPolicy';
import type { Resolve } from '../../../platform/net/resolvedAddress';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';
import { MIN_BACKOFF_BASE_MS } from '../../../platform/net/backoff';
import { httpEquivalent } from './gatedSocket';
import type { LiveFeed } from './liveFeed';
import { LiveConnection, type LiveState } from './liveConnection';
import { inEnglish } from '../../../platform/i18n/failure';

export interface LiveFeedDeps {
  readonly workspaces: WorkspaceLookup;
  readonly feeds: readonly LiveFeed[];
  readonly ingest: { ingest(workspaceId: WorkspaceId, sourceId: number, mentions: readonly MentionInput[]): Promise<unknown> };
  readonly refusal: (workspaceId: WorkspaceId, url: URL) => HealthMessage | undefined;
  /** Name resolution and the local-network flag of the allow-list entries (the system resolver and none by default). */
  readonly resolve?: Resolve;
  readonly localNetwork?: (workspaceId: WorkspaceId, url: URL) => boolean;
  readonly catchUp: (workspaceId: WorkspaceId, sourceId: number) => void;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly random?: () => number;
  readonly minBackoffMs?: number;
  readonly idleTimeoutMs?: number;
  readonly flushMs?: number;
  /** Whether this laptop follows the source: in a cell, only the source's owner laptop does. */
  readonly mayPoll?: (workspaceId: WorkspaceId, sourceId: number) => boolean;
}

interface Wanted {
  readonly sourceId: number;
  readonly key: string;
  readonly feed: LiveFeed;
  readonly config: Record<string, unknown>;
  readonly credentials: Record<string, string>;
  readonly cursor: Record<string, unknown> | null;
}

interface Running {
  readonly key: string;
  readonly connection: LiveConnection;
  state: LiveState;
  detail?: string;
  detailMessage?: HealthMessage;
}

export class LiveFeedService {
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  readonly #started = new Set<WorkspaceId>();
  readonly #running = new Map<string, Running>();
  readonly #pending = new Set<WorkspaceId>();
  readonly #unsubscribe: () => void;

  constructor(private readonly deps: LiveFeedDeps) {
    this.#unsubscribe = deps.events.onAny(['sources:changed', 'workspaces:changed'], ({ workspaceId }) => {
      if (this.#started.has(workspaceId)) this.#syncSoon(workspaceId);
    });
  }

  startWorkspace(workspaceId: WorkspaceId): void {
    this.#started.add(workspaceId);
    this.sync(workspaceId);
  }

  /** Opens, replaces or closes connections so they match the workspace's sources and policy. */
  sync(workspaceId: WorkspaceId): void {
    const wanted = new Map<string, Wanted>();
    for (const source of this.#sources(this.deps.workspaces.get(workspaceId)).list()) {
      const feed = this.deps.feeds.find((f) => f.kind === source.kind);
      if (!feed || source.paused || !(this.deps.mayPoll?.(workspaceId, source.id) ?? true)) continue;
      const endpoint = feed.endpoint(source.config, source.credentials, undefined, source.cursor);
      if (!endpoint) continue;
      const policy = this.deps.refusal(workspaceId, httpEquivalent(new URL(endpoint.url)))?.key ?? 'allowed';
      const key = JSON.stringify([endpoint.url, endpoint.headers ?? {}, policy]);
      wanted.set(`${workspaceId}/${source.id}`, { sourceId: source.id, key, feed, config: source.config, credentials: source.credentials, cursor: source.cursor });
    }
    for (const [id, running] of this.#running) {
      if (!id.startsWith(`${workspaceId}/`)) continue;
      if (wanted.get(id)?.key !== running.key) {
        this.#running.delete(id);
        running.connection.close();
      }
    }
    for (const [id, want] of wanted) {
      if (this.#running.has(id)) continue;
      this.#open(workspaceId, id, want);
    }
  }

  /** Every live connection of the workspace with its state, for the Sources screen. */
  list(workspaceId: WorkspaceId): LiveFeedStatus[] {
    const prefix = `${workspaceId}/`;
    return [...this.#running]
      .filter(([id]) => id.startsWith(prefix))
      .map(([id, running]) => ({
        sourceId: Number(id.slice(prefix.length)),
        state: running.state,
        ...(running.detail ? { detail: running.detail.slice(0, 500) } : {}),
        ...(running.detailMessage ? { detailMessage: running.detailMessage } : {}),
      }));
  }

  state(workspaceId: WorkspaceId, sourceId: number): LiveState | undefined {
    return this.#running.get(`${workspaceId}/${sourceId}`)?.state;
  }

  /** Origins the live feeds need beyond the sources' own addresses (e.g. a Jetstream host). */
  allowedOrigins(workspaceId: WorkspaceId): AllowedOrigin[] {
    const origins: AllowedOrigin[] = [];
    for (const source of this.#sources(this.deps.workspaces.get(workspaceId)).list()) {
      const feed = this.deps.feeds.find((f) => f.kind === source.kind);
      const endpoint = !source.paused && feed ? feed.endpoint(source.config, source.credentials, undefined, source.cursor) : undefined;
      if (endpoint) origins.push({ origin: httpEquivalent(new URL(endpoint.url)).origin, reason: inEnglish('sources.refusals.liveFeed', { detail: source.name }) });
    }
    return origins;
  }

  /** Waits until everything received so far is stored. */
  async settled(): Promise<void> {
    await Promise.all([...this.#running.values()].map((r) => r.connection.settled()));
  }

  stop(): void {
    this.#unsubscribe();
    for (const running of this.#running.values()) running.connection.close();
    this.#running.clear();
    this.#started.clear();
  }

  #open(workspaceId: WorkspaceId, id: string, want: Wanted): void {
    const { sourceId, feed, config, credentials, cursor } = want;
    const running: Running = {
      key: want.key,
      state: 'connecting',
      connection: new LiveConnection({
        endpoint: (resume) => feed.endpoint(config, credentials, resume, cursor),
        reader: feed.reader(config),
        refusal: (url) => this.deps.refusal(workspaceId, url),
        address: (url) => ({ resolve: this.deps.resolve, localNetwork: this.deps.localNetwork?.(workspaceId, httpEquivalent(url)) ?? false }),
        deliver: async (mentions) => {
          try {
            await this.deps.ingest.ingest(workspaceId, sourceId, mentions);
          } catch (error) {
            this.deps.logger.error('live feed batch not stored', { workspaceId, sourceId, error: String(error) });
          }
        },
        catchUp: () => this.deps.catchUp(workspaceId, sourceId),
        onState: (state, detail, message) => {
          const changed = state !== running.state || (detail !== undefined && detail !== running.detail);
          if (detail !== undefined || state === 'live') {
            running.detail = detail;
            running.detailMessage = message;
          }
          running.state = state;
          if (!changed) return;
          this.deps.logger.info('live feed', { workspaceId, sourceId, state, detail });
          this.deps.events.emit('sources:liveFeedsChanged', { workspaceId });
        },
        random: this.deps.random ?? Math.random,
        minBackoffMs: this.deps.minBackoffMs ?? MIN_BACKOFF_BASE_MS,
        idleTimeoutMs: this.deps.idleTimeoutMs ?? 120_000,
        flushMs: this.deps.flushMs ?? 250,
      }),
    };
    this.#running.set(id, running);
    this.deps.events.emit('sources:liveFeedsChanged', { workspaceId });
    running.connection.start();
  }

  #syncSoon(workspaceId: WorkspaceId): void {
    if (this.#pending.has(workspaceId)) return;
    this.#pending.add(workspaceId);
    queueMicrotask(() => {
      this.#pending.delete(workspaceId);
      try {
        if (this.#started.has(workspaceId)) this.sync(workspaceId);
      } catch (error) {
        this.deps.logger.error('live feeds not updated', { workspaceId, error: String(error) });
      }
    });
  }
}
