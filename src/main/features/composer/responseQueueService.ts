// The response queue: new mentions are triaged as they are stored; people flag, assign, answer with a
// reply statement (approved like any public statement) or close an item as handled offline.
import { BULK_FLAG_LIMIT, RESPONSE_REASONS, type BulkFlagResult, type ResponseCounts, type ResponseCursor, type ResponseFlagger, type ResponseItem, type ResponsePage, type ResponseReason, type ResponseState } from '../../../shared/domain/responseQueue';
import type { MentionFilter } from '../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { ResponseQueueRepository, RULES_FLAGGER, type QueueScope, type ResponseRow } from './responseQueueRepository';
import type { NewOp, SharedOpLog, SharedOpLogHost } from '../../platform/sync/sharedOpLog';
import { foldItem, type QueueOpData, type QueueOpKind } from './sharedQueue/queueFold';
import type { CommittedBatch } from '../mentions';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { ComposerLog } from './composerLog';
import type { MentionTriage } from './responseRules';
import type { StatementService } from './statementService';
import { failure } from '../../platform/i18n/failure';

/** Which page of the queue: its states, its reasons (all by default), an incident's own or the whole, after a cursor. */
export interface ResponseQuery {
  readonly states: readonly ResponseState[];
  readonly limit: number;
  readonly incidentId?: string;
  readonly after?: ResponseCursor;
  readonly reasons?: readonly ResponseReason[];
  readonly flaggedBy?: ResponseFlagger;
}

export class ResponseQueueService implements SharedOpLogHost {
  readonly #repo = perWorkspace((ws) => new ResponseQueueRepository(ws.db));
  /** Cell keys whose operations wait for their mention (or their reply statement) to reach this laptop. */
  readonly #waiting = new Map<WorkspaceId, Set<string>>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly log: ComposerLog,
    private readonly statements: StatementService,
    private readonly triage: MentionTriage,
    /** The plan's role that takes staff posts (HR and internal communications), null when the plan has none. */
    private readonly staffRole: (workspaceId: WorkspaceId) => string | null,
    /** An incident's watches and period, so its queue holds only its own crisis; absent in cores without incidents. */
    private readonly incidentScope?: (workspaceId: WorkspaceId, incidentId: string) => QueueScope,
    /** The ids of a stream search's first `limit` matches, for a bulk flag; absent in cores without the stream. */
    private readonly searchIds?: (workspaceId: WorkspaceId, filter: MentionFilter, limit: number) => number[],
    /** The queue's operations across the cell: every laptop folds them into the same items. */
    private readonly sharing?: SharedOpLog,
  ) {
    sharing?.serve(this);
  }

  /** Called after each committed ingestion batch: flags what needs an answer in one transaction. */
  triageBatch(batch: CommittedBatch): void {
    if (batch.mentionIds.length === 0) return;
    try {
      this.#triage(batch);
    } finally {
      this.foldWaiting(batch.workspaceId);
    }
  }

  #triage(batch: CommittedBatch): void {
    const repo = this.#repoOf(batch.workspaceId);
    const flagged = repo
      .mentionsForTriage(batch.mentionIds)
      .map((m) => ({ mentionId: m.id, reason: this.triage(m) }))
      .filter((f): f is { mentionId: number; reason: ResponseReason } => f.reason !== null);
    if (flagged.length === 0) return;
    const hr = flagged.some((f) => f.reason === 'employee') ? this.staffRole(batch.workspaceId) : null;
    const assigned = flagged.map((f) => (f.reason === 'employee' ? { ...f, assignedRole: hr } : f));
    if (repo.flagMany(assigned, RULES_FLAGGER, this.clock.now().toISOString()) > 0) this.#changed(batch.workspaceId);
  }

  /** A page of the whole queue, or of an incident's own (its watches, its period) when one is named. */
  page(workspaceId: WorkspaceId, { states, limit, incidentId, after, reasons = RESPONSE_REASONS, flaggedBy }: ResponseQuery): ResponsePage {
    const rows = this.#repoOf(workspaceId).page({ states, reasons, flaggedBy: flaggedBy ?? null, limit: limit + 1, scope: this.#scope(workspaceId, incidentId), after });
    const items = rows.slice(0, limit).map(toItem);
    const last = items.at(-1);
    const next = rows.length > limit && last ? { audience: last.mention.authorAudience ?? -1, flaggedAt: last.flaggedAt, mentionId: last.mentionId } : null;
    return { items, next };
  }

  counts(workspaceId: WorkspaceId, incidentId?: string): ResponseCounts {
    const c = this.#repoOf(workspaceId).counts(this.#scope(workspaceId, incidentId));
    const n = (s: ResponseState): number => c[s] ?? 0;
    return { open: n('open'), replying: n('replying'), answered: n('answered'), offline: n('offline'), dismissed: n('dismissed'), unanswered: n('open') + n('replying') };
  }

  /** A mention already in the queue keeps its first reason and flagger; the answer says who flagged it and why. */
  flag(workspaceId: WorkspaceId, mentionId: number, person: string, reason: ResponseReason): ResponseItem {
    const repo = this.#repoOf(workspaceId);
    if (!repo.mentionExists(mentionId)) throw failure('NOT_FOUND', 'composer.failures.noMention');
    const at = this.clock.now().toISOString();
    repo.flagMany([{ mentionId, reason }], person, at);
    this.#share(workspaceId, [{ mentionId, kind: 'flag', data: { reason } }], person, at);
    this.#changed(workspaceId);
    return this.#item(repo, mentionId);
  }

  /**
   * Flags every mention a stream search matches, in one transaction, or none: a search past the limit is refused
   * whole, so that the cell narrows it rather than finds half of it queued.
   */
  flagSearch(workspaceId: WorkspaceId, filter: MentionFilter, person: string, reason: ResponseReason): BulkFlagResult {
    if (!this.searchIds) throw failure('UNAVAILABLE', 'composer.failures.searchUnavailable');
    const ids = this.searchIds(workspaceId, filter, BULK_FLAG_LIMIT + 1);
    if (ids.length > BULK_FLAG_LIMIT) throw failure('PAYLOAD_TOO_LARGE', 'composer.failures.bulkFlagTooMany', { limit: BULK_FLAG_LIMIT });
    const at = this.clock.now().toISOString();
    const flagged = this.#repoOf(workspaceId).flagMany(ids.map((mentionId) => ({ mentionId, reason })), person, at);
    this.#share(workspaceId, ids.map((mentionId) => ({ mentionId, kind: 'flag' as const, data: { reason } })), person, at);
    if (flagged > 0) this.#changed(workspaceId);
    return { matched: ids.length, flagged, alreadyQueued: ids.length - flagged };
  }

  assign(workspaceId: WorkspaceId, mentionId: number, role: string | null): ResponseItem {
    const repo = this.#repoOf(workspaceId);
    if (!repo.assign(mentionId, role)) throw failure('NOT_FOUND', 'composer.failures.notInQueue');
    this.#share(workspaceId, [{ mentionId, kind: 'assign', data: { reason: this.#item(repo, mentionId).reason, role } }], '', this.clock.now().toISOString());
    this.#changed(workspaceId);
    return this.#item(repo, mentionId);
  }

  /** Starts a reply statement for the mention; it goes through the same approvals as any public statement. */
  reply(workspaceId: WorkspaceId, mentionId: number, incidentId: string, person: string): { item: ResponseItem; statementId: string } {
    const repo = this.#repoOf(workspaceId);
    const item = this.#item(repo, mentionId);
    if (item.state !== 'open' && item.state !== 'replying') throw failure('CONFLICT', 'composer.failures.alreadyHandled');
    if (item.statementId) return { item, statementId: item.statementId };
    const who = item.mention.authorName ?? item.mention.authorHandle ?? '';
    const detail = this.statements.create(workspaceId, {
      incidentId,
      kind: 'reply',
      title: `${who ? `${who}: ` : ''}${item.mention.text.replace(/\s+/g, ' ').slice(0, 80)}`.slice(0, 200),
      channels: item.mention.sourceKind === 'bluesky' ? ['bluesky'] : item.mention.sourceKind === 'mastodon' ? ['mastodon'] : [],
      replyToMentionId: String(mentionId),
      author: person,
    });
    repo.linkStatement(mentionId, detail.statement.id);
    this.#share(workspaceId, [{ mentionId, kind: 'reply', data: { reason: item.reason, statementId: detail.statement.id } }], person, this.clock.now().toISOString());
    this.#changed(workspaceId);
    return { item: this.#item(repo, mentionId), statementId: detail.statement.id };
  }

  close(workspaceId: WorkspaceId, mentionId: number, state: 'offline' | 'dismissed', note: string, person: string, incidentId: string | null): ResponseItem {
    const repo = this.#repoOf(workspaceId);
    if (note.trim() === '') throw failure('INVALID_INPUT', 'composer.failures.sayHowHandled');
    const at = this.clock.now().toISOString();
    if (!repo.close(mentionId, state, note.trim(), person, at)) throw failure('CONFLICT', 'composer.failures.notWaiting');
    const item = this.#item(repo, mentionId);
    this.#share(workspaceId, [{ mentionId, kind: 'close', data: { reason: item.reason, state, note: note.trim() } }], person, at);
    if (state === 'offline') {
      this.log.system(workspaceId, {
        incidentId,
        code: 'composer.responseOffline',
        data: { mentionId, person, note: note.trim(), author: item.mention.authorName ?? item.mention.authorHandle ?? null },
        occurredAt: at,
      });
    }
    this.#changed(workspaceId);
    return item;
  }

  /** A reply statement went out: the mentions it answers are answered. */
  statementPublished(workspaceId: WorkspaceId, statementId: string): void {
    const repo = this.#repoOf(workspaceId);
    const answered = repo.replyingWith(statementId).map((mentionId) => ({ mentionId, kind: 'answered' as const, data: { reason: this.#item(repo, mentionId).reason, statementId } }));
    const at = this.clock.now().toISOString();
    if (repo.markAnswered(statementId, at) === 0) return;
    this.#share(workspaceId, answered, '', at);
    this.#changed(workspaceId);
  }

  /** Items people handled before this laptop joined the cell go to the cell as they stand. */
  joined(workspaceId: WorkspaceId): void {
    const repo = this.#repoOf(workspaceId);
    const made = repo.touchedByPeople().flatMap((mentionId) => {
      const key = repo.mentionKey(mentionId);
      const row = repo.get(mentionId);
      if (!key || !row) return [];
      const { reason, assignedRole, state, statementId, note, handledBy, handledAt } = row;
      const data: QueueOpData['state'] = { reason: reason as QueueOpData['state']['reason'], assignedRole, state: state as QueueOpData['state']['state'], statementId, note, handledBy, handledAt };
      return [{ key, kind: 'state', by: row.flaggedBy, at: row.flaggedAt, data }];
    });
    this.sharing?.record(workspaceId, made);
  }

  /** The cell's operations on these items changed: each is folded again into this laptop's queue. */
  changed(workspaceId: WorkspaceId, keys: ReadonlySet<string>): void {
    const waiting = this.#waiting.get(workspaceId) ?? new Set<string>();
    this.#waiting.set(workspaceId, waiting);
    let folded = false;
    for (const key of keys) {
      if (this.#fold(workspaceId, key)) {
        waiting.delete(key);
        folded = true;
      } else {
        waiting.add(key);
      }
    }
    if (folded) this.#changed(workspaceId);
  }

  /** Folds the items whose mention or reply statement had not reached this laptop, now that something arrived. */
  foldWaiting(workspaceId: WorkspaceId): void {
    const waiting = this.#waiting.get(workspaceId);
    if (waiting && waiting.size > 0) this.changed(workspaceId, new Set(waiting));
  }

  /** False while the item's mention or reply statement is not here yet. */
  #fold(workspaceId: WorkspaceId, key: string): boolean {
    const repo = this.#repoOf(workspaceId);
    const mentionId = repo.mentionOfKey(key);
    if (mentionId === undefined) return false;
    const row = repo.get(mentionId);
    const rules =
      row?.flaggedBy === RULES_FLAGGER
        ? { reason: row.reason, flaggedAt: row.flaggedAt, assignedRole: row.reason === 'employee' ? this.staffRole(workspaceId) : null }
        : null;
    const item = foldItem(this.sharing?.ops(workspaceId, key) ?? [], rules);
    if (!item) return true;
    try {
      repo.putShared({ mentionId, ...item });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
      throw error;
    }
    return true;
  }

  #share<K extends QueueOpKind>(workspaceId: WorkspaceId, ops: readonly { mentionId: number; kind: K; data: QueueOpData[K] }[], by: string, at: string): void {
    if (!this.sharing?.inCell(workspaceId)) return;
    const repo = this.#repoOf(workspaceId);
    const made = ops.flatMap(({ mentionId, kind, data }): NewOp[] => {
      const key = repo.mentionKey(mentionId);
      return key ? [{ key, kind, by, at, data }] : [];
    });
    this.sharing.record(workspaceId, made);
  }

  #scope(workspaceId: WorkspaceId, incidentId: string | undefined): QueueScope | undefined {
    if (incidentId === undefined) return undefined;
    if (!this.incidentScope) throw failure('UNAVAILABLE', 'composer.failures.incidentsUnavailable');
    return this.incidentScope(workspaceId, incidentId);
  }

  #item(repo: ResponseQueueRepository, mentionId: number): ResponseItem {
    const row = repo.get(mentionId);
    if (!row) throw failure('NOT_FOUND', 'composer.failures.notInQueue');
    return toItem(row);
  }

  #changed(workspaceId: WorkspaceId): void {
    this.events.emit('composer:changed', { workspaceId, statementId: null });
  }

  #repoOf(workspaceId: WorkspaceId): ResponseQueueRepository {
    return this.#repo(this.store.get(workspaceId));
  }
}

function toItem(r: ResponseRow): ResponseItem {
  return {
    mentionId: r.mentionId,
    reason: r.reason as ResponseReason,
    flaggedBy: r.flaggedBy,
    flaggedAt: r.flaggedAt,
    assignedRole: r.assignedRole,
    state: r.state as ResponseState,
    statementId: r.statementId,
    note: r.note,
    handledBy: r.handledBy,
    handledAt: r.handledAt,
    mention: {
      text: r.text,
      title: r.title,
      url: r.url,
      authorName: r.authorName,
      authorHandle: r.authorHandle,
      authorKind: r.authorKind,
      authorAudience: r.authorAudience,
      sourceKind: r.sourceKind,
      publishedAt: r.publishedAt,
      language: r.language,
    },
  };
}
