// Publishes queued outbox rows when the network allows: one claim per attempt, each post recorded the
// moment it is confirmed, a look for the post before any resend, backoff between attempts.
import type { Channel } from '../../../../shared/composer/channels';
import { healthMessage } from '../../../../shared/domain/healthMessage';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Clock } from '../../../platform/clock';
import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';
import { MentionReadRepository } from '../../mentions';
import { OutboxRepository, type OutboxRow } from './outboxRepository';
import { PublishAccountRepository } from './publishAccountRepository';
import { StatementRepository } from '../statementRepository';
import type { ComposerLog } from '../composerLog';
import { approvalStatus } from '../approvalState';
import { OutboundError, type OutboundGate } from '../../../platform/net/outboundGate';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../../platform/workspaces/workspaceStore';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from '../../../platform/net/retryBackoff';
import { PublishError, type ChannelPublisher, type Posted, type PublishContext, type ReplyTarget } from './publisher';

const MAX_RATE_WAIT_MS = 24 * 3600_000;

export interface OutboxWorkerOptions {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  /** Each workspace has its own gate: sealed mode and allow-list are per workspace. */
  readonly gateFor: (workspaceId: WorkspaceId) => OutboundGate;
  readonly logger: Logger;
  readonly log: ComposerLog | undefined;
  readonly publishers: Partial<Record<Channel, ChannelPublisher>>;
  /** The roles a statement of this kind needs, as the composer judges them (the crisis plan's approvals). */
  readonly requiredRoles: (workspaceId: WorkspaceId, kind: string) => readonly string[];
  readonly backoff?: BackoffPolicy;
  readonly requestTimeoutMs?: number;
  /** Rows published side by side; each row's posts still go out in order. */
  readonly concurrency?: number;
  /** Longest sleep between two looks at the queue when nothing is due. */
  readonly idleMs?: number;
  readonly onPublished?: (workspaceId: WorkspaceId, statementId: string) => void;
  /** What a row posted, for the cell to hear of it. */
  readonly onPosted?: (workspaceId: WorkspaceId, statementId: string, item: { contentHash: string; channel: string; language: string; url: string | null; at: string }) => void;
}

export class OutboxWorker {
  readonly #outbox = perWorkspace((ws) => new OutboxRepository(ws.db));
  readonly #accounts = perWorkspace((ws) => new PublishAccountRepository(ws.db));
  readonly #statements = perWorkspace((ws) => new StatementRepository(ws.db));
  readonly #mentions = perWorkspace((ws) => new MentionReadRepository(ws.db));
  readonly #backoff: BackoffPolicy;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  readonly #unopenable = new Set<WorkspaceId>();

  constructor(private readonly o: OutboxWorkerOptions) {
    this.#backoff = o.backoff ?? DEFAULT_BACKOFF;
  }

  /** Puts back rows a crash left half-sent, then starts publishing. */
  start(): void {
    this.#stopped = false;
    const now = this.o.clock.now().toISOString();
    for (const repo of this.#openOutboxes()) repo.recoverInterrupted(now);
    this.wake();
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#loop()
      .catch((error: unknown) => {
        // After stop() the database may already be closed under an attempt in flight: that row is recovered at next start.
        if (!this.#stopped) this.o.logger.error('outbox pass failed', { error: String(error) });
      })
      .finally(() => {
        this.#running = undefined;
        this.#schedule();
      });
  }

  /** Tries every waiting row of the workspace now, whatever its backoff: e.g. the workspace was unsealed. */
  retryAllNow(workspaceId: WorkspaceId): void {
    if (this.#stopped) return;
    if (this.#outbox(this.o.store.get(workspaceId)).pullForward(this.o.clock.now().toISOString()) > 0) this.wake();
  }

  /** Stops scheduling; an attempt in flight finishes (its row is recovered at next start if cut short). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Waits until the current pass (if any) ends: for tests and orderly shutdown. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      for (const id of this.#openIds()) {
        if (this.#stopped) return;
        await this.#drain(id);
      }
    } while (this.#again && !this.#stopped);
  }

  #schedule(): void {
    if (this.#stopped) return;
    let next = this.o.idleMs ?? 30_000;
    const now = this.o.clock.now().getTime();
    for (const repo of this.#openOutboxes()) {
      const due = repo.due('9999-12-31T23:59:59.999Z', 1)[0];
      if (due) next = Math.min(next, Math.max(0, Date.parse(due.nextAttemptAt) - now));
    }
    this.#timer = setTimeout(() => this.wake(), next);
    this.#timer.unref?.();
  }

  /**
   * Workspaces whose database can be opened now. One that cannot (locked behind a passphrase, damaged) is
   * skipped, not fatal: its queue waits in the file and goes out once it opens.
   */
  #openIds(): WorkspaceId[] {
    return this.o.store.ids().filter((id) => {
      try {
        this.o.store.get(id);
        this.#unopenable.delete(id);
        return true;
      } catch (error) {
        if (!this.#unopenable.has(id)) this.o.logger.warn('outbox skips a workspace it cannot open', { workspaceId: id, error: String(error) });
        this.#unopenable.add(id);
        return false;
      }
    });
  }

  #openOutboxes(): OutboxRepository[] {
    return this.#openIds().map((id) => this.#outbox(this.o.store.get(id)));
  }

  async #drain(workspaceId: WorkspaceId): Promise<void> {
    const repo = this.#outbox(this.o.store.get(workspaceId));
    const width = this.o.concurrency ?? 4;
    for (;;) {
      if (this.#stopped) return;
      const batch = repo.due(this.o.clock.now().toISOString(), width);
      if (batch.length === 0) return;
      await Promise.all(batch.map((row) => this.#attempt(workspaceId, row)));
    }
  }

  async #attempt(workspaceId: WorkspaceId, queued: OutboxRow): Promise<void> {
    const ws = this.o.store.get(workspaceId);
    const repo = this.#outbox(ws);
    if (!repo.claim(queued.id, this.o.clock.now().toISOString())) return;
    const row = repo.get(queued.id)!;
    this.o.events.emit('composer:outboxChanged', { workspaceId });
    try {
      const posted = await this.#publish(workspaceId, row);
      const now = this.o.clock.now().toISOString();
      repo.finish(row.id, posted[0]?.url ?? null, now);
      const statement = this.#statements(ws).get(row.statementId);
      this.o.log?.system(workspaceId, {
        incidentId: statement?.incidentId ?? null,
        code: 'composer.published',
        data: {
          statementId: row.statementId,
          title: statement?.title ?? row.statementId,
          channel: row.channel,
          language: row.language,
          url: posted[0]?.url ?? null,
          posts: posted.length,
        },
        occurredAt: now,
      });
      this.o.onPublished?.(workspaceId, row.statementId);
      this.o.onPosted?.(workspaceId, row.statementId, { contentHash: row.contentHash, channel: row.channel, language: row.language, url: posted[0]?.url ?? null, at: now });
      this.o.events.emit('composer:changed', { workspaceId, statementId: row.statementId });
    } catch (error) {
      const now = this.o.clock.now();
      const message = error instanceof Error ? error.message : String(error);
      const health =
        error instanceof PublishError || error instanceof OutboundError ? error.health : healthMessage('unexpected', { detail: message.slice(0, 300) });
      if (error instanceof PublishError && error.permanent) repo.fail(row.id, message, health, now.toISOString());
      else {
        if (!(error instanceof PublishError) && !(error instanceof OutboundError)) {
          this.o.logger.error('outbox attempt failed unexpectedly', { error: message, outboxId: row.id });
        }
        // A server that said when its rate-limit window resets is not asked again before then (within a day).
        const notBefore = error instanceof PublishError && error.retryAt ? Math.min(error.retryAt.getTime(), now.getTime() + MAX_RATE_WAIT_MS) : 0;
        const next = new Date(Math.max(now.getTime() + retryDelayMs(row.attempts, this.#backoff), notBefore));
        repo.reschedule(row.id, next.toISOString(), message, health, now.toISOString());
      }
    }
    this.o.events.emit('composer:outboxChanged', { workspaceId });
  }

  async #publish(workspaceId: WorkspaceId, row: OutboxRow): Promise<Posted[]> {
    const ws = this.o.store.get(workspaceId);
    const repo = this.#outbox(ws);
    const statements = this.#statements(ws);
    const statement = statements.get(row.statementId);
    // Belt and braces: the queue already refused unapproved text, but the row must carry approved content.
    const status = statement && approvalStatus(statements.decisions(row.statementId), row.contentHash, this.o.requiredRoles(workspaceId, statement.kind));
    if (!status || status.state !== 'approved') throw new PublishError(healthMessage('publishNotApproved'), true);
    const publisher = this.o.publishers[row.channel as Channel];
    if (!publisher) throw new PublishError(healthMessage('publishNoPublisher', { channel: row.channel }), true);
    const account = this.#accounts(ws).get(row.channel);
    if (account === undefined) throw new PublishError(healthMessage('publishNoAccount', { channel: row.channel }), true);

    const parts = JSON.parse(row.partsJson) as string[];
    const posted = JSON.parse(row.postedJson) as Posted[];
    // Each post carries the time it goes out, strictly later than the one before it in the thread.
    let lastSent = 0;
    const sentAt = (): string => {
      lastSent = Math.max(this.o.clock.now().getTime(), lastSent + 1);
      return new Date(lastSent).toISOString();
    };
    const context = (i: number, target: ReplyTarget | undefined): PublishContext => ({
      gate: this.o.gateFor(workspaceId),
      account,
      text: parts[i]!,
      language: row.language,
      key: `${row.idempotencyKey}-${i}`,
      partIndex: i,
      queuedAt: row.createdAt,
      sentAt: sentAt(),
      root: target?.root ?? posted[0],
      parent: i === 0 ? target?.parent : posted[i - 1],
      timeoutMs: this.o.requestTimeoutMs ?? 15_000,
      purpose: `outbox:${row.channel}`,
    });
    // A reply to a mention from this same network goes under it, in its thread; elsewhere it stands alone.
    const answered = statement.replyToMentionId ? this.#mentions(ws).get(Number(statement.replyToMentionId)) : undefined;
    let target: ReplyTarget | undefined;
    if (answered && answered.sourceKind === publisher.threadsRepliesTo) {
      target = await publisher.findTarget(context(0, undefined), answered.externalId);
      if (!target) throw new PublishError(healthMessage('publishReplyTargetGone', { service: publisher.threadsRepliesTo }), true);
    }
    for (let i = posted.length; i < parts.length; i += 1) {
      const ctx = context(i, target);
      // Only the first unrecorded part can have been sent by an earlier attempt whose answer was lost.
      const earlier = row.attempts > 1 && i === posted.length ? await publisher.findExisting(ctx) : undefined;
      const result = earlier ?? (await publisher.post(ctx));
      repo.recordPart(row.id, result, this.o.clock.now().toISOString());
      posted.push(result);
    }
    return posted;
  }
}
