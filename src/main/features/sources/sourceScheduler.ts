// Runs every pull source of a workspace on its own timer: one slow or failing source never delays another.
// Failures back off exponentially with jitter (and honour Retry-After); shutdown aborts requests in flight.
import { healthMessage, healthText, type HealthMessage } from '../../../shared/domain/healthMessage';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { SourceRepository, type SourceRecord } from './sourceRepository';
import type { IngestService } from '../mentions';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { OutboundError, type OutboundGate } from '../../platform/net/outboundGate';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { backoffDelayMs, MIN_BACKOFF_BASE_MS } from '../../platform/net/backoff';
import { ConnectorError } from './connectors/connectorError';
import type { ConnectorRegistry } from './connectorRegistry';

export interface SchedulerDeps {
  readonly workspaces: WorkspaceLookup;
  readonly registry: ConnectorRegistry;
  readonly ingest: IngestService;
  /** The workspace's gate: sealed mode and the allow-list apply to every poll. */
  readonly gateFor: (workspaceId: WorkspaceId) => OutboundGate;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly random?: () => number;
  /** Smallest backoff step; tests shorten it. */
  readonly minBackoffMs?: number;
  /** Whether this laptop polls the source: in a cell, only the source's owner laptop does. */
  readonly mayPoll?: (workspaceId: WorkspaceId, sourceId: number) => boolean;
}

export interface PollOutcome {
  readonly ok: boolean;
  readonly inserted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly error?: string;
  readonly nextAttemptAt: string;
}

interface Slot {
  timer?: NodeJS.Timeout;
  running?: Promise<PollOutcome>;
}

const slotKey = (workspaceId: WorkspaceId, sourceId: number): string => `${workspaceId}/${sourceId}`;

export class SourceScheduler {
  readonly #slots = new Map<string, Slot>();
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  /** Sources whose last failure was "cannot reach the network": shown as offline rather than failing. */
  readonly #offline = new Set<string>();
  readonly #shutdown = new AbortController();
  readonly #random: () => number;

  constructor(private readonly deps: SchedulerDeps) {
    this.#random = deps.random ?? Math.random;
  }

  /** Schedules every saved, unpaused pull source of the workspace. */
  startWorkspace(workspaceId: WorkspaceId): void {
    for (const source of this.#repo(workspaceId).list()) this.#schedule(workspaceId, source);
  }

  /** After a source was created, edited, paused, resumed or deleted. */
  refresh(workspaceId: WorkspaceId, sourceId: number): void {
    this.#cancel(workspaceId, sourceId);
    const source = this.#repo(workspaceId).get(sourceId);
    if (source) this.#schedule(workspaceId, source);
  }

  isOffline(workspaceId: WorkspaceId, sourceId: number): boolean {
    return this.#offline.has(slotKey(workspaceId, sourceId));
  }

  /** Polls now (or joins the poll already running), then keeps the normal schedule. */
  pollNow(workspaceId: WorkspaceId, sourceId: number): Promise<PollOutcome> {
    const key = slotKey(workspaceId, sourceId);
    const slot = this.#slots.get(key) ?? {};
    if (slot.running) return slot.running;
    if (!this.#mayPoll(workspaceId, sourceId)) {
      return Promise.resolve({ ok: false, inserted: 0, duplicates: 0, rejected: 0, error: healthText(healthMessage('polledByOwner')), nextAttemptAt: this.#now() });
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    this.#slots.set(key, slot);
    const running = this.runOnce(workspaceId, sourceId).finally(() => {
      slot.running = undefined;
      const source = this.#shutdown.signal.aborted ? undefined : this.#repo(workspaceId).get(sourceId);
      if (source) this.#schedule(workspaceId, source);
    });
    slot.running = running;
    return running;
  }

  /** One poll → ingest → health update cycle. Never throws: failures end up in the source's health. */
  async runOnce(workspaceId: WorkspaceId, sourceId: number): Promise<PollOutcome> {
    const repo = this.#repo(workspaceId);
    const source = repo.get(sourceId);
    const key = slotKey(workspaceId, sourceId);
    if (!source) return { ok: false, inserted: 0, duplicates: 0, rejected: 0, error: healthText(healthMessage('sourceGone')), nextAttemptAt: this.#now() };
    const startedAt = this.deps.clock.now();
    repo.recordAttempt(sourceId, startedAt.toISOString());
    try {
      const connector = this.deps.registry.get(source.kind);
      const result = await connector.poll({
        gate: this.#gateFor(workspaceId, sourceId),
        signal: this.#shutdown.signal,
        config: source.config,
        credentials: source.credentials,
        cursor: source.cursor,
        now: startedAt,
      });
      const ingested = await this.deps.ingest.ingest(workspaceId, sourceId, result.mentions);
      const next = new Date(this.deps.clock.now().getTime() + source.intervalSeconds * 1000).toISOString();
      repo.recordSuccess(sourceId, result.cursor, this.#now(), next);
      this.#offline.delete(key);
      this.#changed(workspaceId);
      return {
        ok: true,
        inserted: ingested.inserted,
        duplicates: ingested.duplicates,
        rejected: ingested.rejected + (result.rejected?.length ?? 0),
        nextAttemptAt: next,
      };
    } catch (error) {
      if (this.#shutdown.signal.aborted) {
        return { ok: false, inserted: 0, duplicates: 0, rejected: 0, error: healthText(healthMessage('stopped')), nextAttemptAt: this.#now() };
      }
      const health = healthOf(error);
      const message = healthText(health);
      const retryAfterMs = error instanceof ConnectorError ? error.retryAfterMs : undefined;
      const delay = backoffDelayMs(
        source.consecutiveFailures + 1,
        source.intervalSeconds * 1000,
        this.#random,
        retryAfterMs,
        this.deps.minBackoffMs ?? MIN_BACKOFF_BASE_MS,
      );
      const next = new Date(this.deps.clock.now().getTime() + delay).toISOString();
      repo.recordFailure(sourceId, message, health, this.#now(), next);
      if (error instanceof OutboundError && (error.kind === 'network' || error.kind === 'timeout')) this.#offline.add(key);
      else this.#offline.delete(key);
      this.deps.logger.warn('source poll failed', { workspaceId, sourceId, message });
      this.#changed(workspaceId);
      return { ok: false, inserted: 0, duplicates: 0, rejected: 0, error: message, nextAttemptAt: next };
    }
  }

  /** Aborts requests in flight and clears every timer; used when the app quits. */
  stop(): void {
    this.#shutdown.abort();
    for (const slot of this.#slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.#slots.clear();
  }

  #schedule(workspaceId: WorkspaceId, source: SourceRecord): void {
    if (this.#shutdown.signal.aborted || source.paused || !this.deps.registry.find(source.kind) || !this.#mayPoll(workspaceId, source.id)) return;
    const key = slotKey(workspaceId, source.id);
    const slot = this.#slots.get(key) ?? {};
    if (slot.timer) clearTimeout(slot.timer);
    const due = source.nextAttemptAt ? Date.parse(source.nextAttemptAt) : this.deps.clock.now().getTime();
    const wait = Math.max(0, due - this.deps.clock.now().getTime());
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.pollNow(workspaceId, source.id);
    }, wait);
    slot.timer.unref();
    this.#slots.set(key, slot);
  }

  #cancel(workspaceId: WorkspaceId, sourceId: number): void {
    const slot = this.#slots.get(slotKey(workspaceId, sourceId));
    if (slot?.timer) clearTimeout(slot.timer);
    if (slot) slot.timer = undefined;
  }

  /** Every request of a source is labelled with it, for the allow-list and the network log. */
  #gateFor(workspaceId: WorkspaceId, sourceId: number): OutboundGate {
    const gate = this.deps.gateFor(workspaceId);
    return { request: (url, init) => gate.request(url, { ...init, purpose: `source:${sourceId}` }) };
  }

  #mayPoll(workspaceId: WorkspaceId, sourceId: number): boolean {
    return this.deps.mayPoll?.(workspaceId, sourceId) ?? true;
  }

  #repo(workspaceId: WorkspaceId): SourceRepository {
    return this.#sources(this.deps.workspaces.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #changed(workspaceId: WorkspaceId): void {
    this.deps.events.emit('sources:changed', { workspaceId });
  }
}

function healthOf(error: unknown): HealthMessage {
  if (error instanceof OutboundError || error instanceof ConnectorError) return error.health;
  return healthMessage('unexpected', { detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
}
