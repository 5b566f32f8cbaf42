// Statements: drafting FR/EN twins, approvals bound to the content hash, and queueing into the outbox.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_APPROVER_ROLES,
  newStatementSchema,
  statementContentSchema,
  type CellPublishing,
  type Decision,
  type NewStatement,
  type Statement,
  type StatementContent,
  type StatementDetail,
  type StatementKind,
} from '../../../shared/domain/statement';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { OutboxRepository } from './outbox/outboxRepository';
import { PublishAccountRepository } from './outbox/publishAccountRepository';
import { StatementRepository, type DecisionRow, type StatementRow } from './statementRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { diffContent } from './approvalDiff';
import { approvalStatus } from './approvalState';
import type { DraftChecker } from '../../../shared/composer/draftCheck';
import { outboxRowsFor } from '../../../shared/composer/outboxRows';
import { ThreadSplitError, type ThreadNumbering } from '../../../shared/composer/splitThread';
import type { ComposerLog } from './composerLog';
import { contentHash } from './contentHash';
import { toOutboxItem } from './outbox/outboxItem';
import { failure } from '../../platform/i18n/failure';
import { idempotencyKeyFor } from './outbox/idempotencyKey';

/** How statements reach the rest of the cell; every method does nothing outside one. */
export interface StatementSharing {
  /** This laptop's device id in the workspace's cell, or undefined outside a cell. */
  device(workspaceId: WorkspaceId): string | undefined;
  created(workspaceId: WorkspaceId, statementId: string): void;
  edited(workspaceId: WorkspaceId, statementId: string, content: StatementContent): void;
  decided(workspaceId: WorkspaceId, statementId: string, decision: DecisionRow): void;
  /** Claims the publishing of this content for this laptop; true when the cell decides who publishes (not yet queued). */
  claim(workspaceId: WorkspaceId, statementId: string, contentHash: string, person: string): boolean;
  /** Who publishes the current content and what was posted, as the cell knows it; undefined outside a cell. */
  publishing(workspaceId: WorkspaceId, statementId: string, currentHash: string): CellPublishing | undefined;
}

/** A statement as another laptop's document holds it, with the decisions not taken in yet. */
export interface SharedStatementIntake {
  readonly row: Omit<StatementRow, 'revision' | 'contentHash' | 'updatedAt'>;
  readonly decisions: readonly Omit<DecisionRow, 'seq'>[];
}

export interface StatementServiceDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly log: ComposerLog | undefined;
  /** Wakes the outbox worker after something was queued. */
  readonly onQueued: () => void;
  /** The same checks the editor runs live; an approval records what was still flagged when it was given. */
  readonly checkers?: { readonly fr: DraftChecker; readonly en: DraftChecker };
  /** Who must approve each kind of statement: the crisis plan's approvals (defaults without a plan). */
  readonly approvers?: (workspaceId: WorkspaceId) => Readonly<Record<StatementKind, readonly string[]>>;
  /** How threads are numbered: the crisis plan's publishing settings (suffix without a plan). */
  readonly threadNumbering?: (workspaceId: WorkspaceId) => ThreadNumbering;
  readonly sharing?: StatementSharing;
}

export class StatementService {
  readonly #statements = perWorkspace((ws) => new StatementRepository(ws.db));
  readonly #outbox = perWorkspace((ws) => new OutboxRepository(ws.db));
  readonly #accounts = perWorkspace((ws) => new PublishAccountRepository(ws.db));

  constructor(private readonly deps: StatementServiceDeps) {}

  list(workspaceId: WorkspaceId, incidentId: string | null): Statement[] {
    const repo = this.#repo(workspaceId);
    const rows = repo.list(incidentId);
    const decisions = repo.decisionsOf(rows.map((r) => r.id));
    return rows.map((row) => toStatement(row, decisions.filter((d) => d.statementId === row.id), this.requiredRoles(workspaceId, row.kind)));
  }

  get(workspaceId: WorkspaceId, statementId: string): StatementDetail {
    const repo = this.#repo(workspaceId);
    const row = this.#row(repo, statementId);
    const decisions = repo.decisions(statementId);
    const statement = toStatement(row, decisions, this.requiredRoles(workspaceId, row.kind));
    const { lastApproval } = approvalStatus(decisions, row.contentHash, statement.requiredRoles);
    const diffSinceApproval =
      lastApproval && lastApproval.contentHash !== row.contentHash
        ? diffContent(statementContentSchema.parse(JSON.parse(lastApproval.snapshotJson)), statement)
        : [];
    return {
      statement,
      decisions: decisions.map(
        (d): Decision => ({
          seq: d.seq,
          decision: d.decision,
          person: d.person,
          role: d.role,
          reason: d.reason,
          contentHash: d.contentHash,
          decidedAt: d.decidedAt,
          current: d.contentHash === row.contentHash,
          deviceId: d.deviceId,
          genuine: d.genuine !== 0,
        }),
      ),
      diffSinceApproval,
      outbox: this.#outbox(this.deps.store.get(workspaceId)).ofStatement(statementId).map(toOutboxItem),
      ...withPublishing(this.deps.sharing?.publishing(workspaceId, statementId, row.contentHash)),
    };
  }

  create(workspaceId: WorkspaceId, input: NewStatement): StatementDetail {
    const s = newStatementSchema.parse(input);
    const now = this.deps.clock.now().toISOString();
    const id = randomUUID();
    this.#repo(workspaceId).insert({
      id,
      incidentId: s.incidentId,
      kind: s.kind,
      title: s.title,
      textFr: s.textFr,
      textEn: s.textEn,
      channelsJson: JSON.stringify(dedupe(s.channels)),
      variantsJson: JSON.stringify(s.variants),
      templateId: s.templateId,
      replyToMentionId: s.replyToMentionId,
      revision: 1,
      contentHash: contentHash(s),
      createdBy: s.author,
      createdAt: now,
      updatedAt: now,
    });
    this.#logEntry(workspaceId, s.incidentId, 'composer.drafted', {
      statementId: id,
      title: s.title,
      kind: s.kind,
      person: s.author,
    });
    this.deps.sharing?.created(workspaceId, id);
    return this.#changed(workspaceId, id);
  }

  update(workspaceId: WorkspaceId, statementId: string, expectedRevision: number, patch: Partial<StatementContent>, author: string): StatementDetail {
    const repo = this.#repo(workspaceId);
    const now = this.deps.clock.now().toISOString();
    let reopened: { title: string; incidentId: string } | undefined;
    let saved: StatementContent | undefined;
    repo.atomically(() => {
      const row = this.#row(repo, statementId);
      if (row.revision !== expectedRevision) {
        throw failure('CONFLICT', 'composer.failures.savedMeanwhile');
      }
      const next = statementContentSchema.parse({ ...contentOf(row), ...patch });
      next.channels = dedupe(next.channels);
      const hash = contentHash(next);
      const status = approvalStatus(repo.decisions(statementId), row.contentHash, this.requiredRoles(workspaceId, row.kind));
      if (hash !== row.contentHash && status.approvedRoles.length > 0) reopened = { title: next.title, incidentId: row.incidentId };
      repo.update(statementId, expectedRevision, {
        title: next.title,
        textFr: next.textFr,
        textEn: next.textEn,
        channelsJson: JSON.stringify(next.channels),
        variantsJson: JSON.stringify(next.variants),
        contentHash: hash,
        updatedAt: now,
      });
      saved = next;
    });
    if (saved) this.deps.sharing?.edited(workspaceId, statementId, saved);
    if (reopened) {
      this.#logEntry(
        workspaceId,
        reopened.incidentId,
        'composer.reopened',
        { statementId, title: reopened.title, person: author },
      );
    }
    return this.#changed(workspaceId, statementId);
  }

  approve(workspaceId: WorkspaceId, statementId: string, approver: { person: string; role: string }, seenHash: string): StatementDetail {
    return this.#decide(workspaceId, statementId, approver, seenHash, 'approved', null);
  }

  reject(workspaceId: WorkspaceId, statementId: string, approver: { person: string; role: string }, seenHash: string, reason: string): StatementDetail {
    if (reason.trim() === '') throw failure('INVALID_INPUT', 'composer.failures.rejectionNeedsReason');
    return this.#decide(workspaceId, statementId, approver, seenHash, 'rejected', reason.trim());
  }

  /**
   * Queues an approved statement: one outbox row per channel and language with text. This is the only
   * way into the outbox, so nothing can be published without the approvals its kind requires.
   */
  queue(workspaceId: WorkspaceId, statementId: string, person: string): StatementDetail {
    const repo = this.#repo(workspaceId);
    const row = this.#row(repo, statementId);
    this.#requireApproved(workspaceId, repo, row);
    // In a cell, one laptop publishes: the one whose claim the cell picks, which then calls `enqueue`.
    if (this.deps.sharing?.claim(workspaceId, statementId, row.contentHash, person)) return this.#changed(workspaceId, statementId);
    return this.enqueue(workspaceId, statementId, person);
  }

  /** Puts the approved statement's rows in the outbox; rows already there for this exact content stay as they are. */
  enqueue(workspaceId: WorkspaceId, statementId: string, person: string): StatementDetail {
    const ws = this.deps.store.get(workspaceId);
    const repo = this.#statements(ws);
    const outbox = this.#outbox(ws);
    const now = this.deps.clock.now().toISOString();
    let queued = 0;
    let row: StatementRow | undefined;
    repo.atomically(() => {
      row = this.#row(repo, statementId);
      this.#requireApproved(workspaceId, repo, row);
      const content = contentOf(row);
      if (content.channels.length === 0) throw failure('INVALID_INPUT', 'composer.failures.noChannel');
      for (const out of this.#plannedRows(workspaceId, content)) {
        const inserted = outbox.insert({
          id: randomUUID(),
          statementId,
          channel: out.channel,
          language: out.language,
          partsJson: JSON.stringify(out.parts.map((p) => p.text)),
          contentHash: row.contentHash,
          idempotencyKey: idempotencyKeyFor(statementId, row.contentHash, out.channel, out.language),
          state: out.manual ? 'manual' : 'queued',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          lastErrorJson: null,
          postedJson: '[]',
          url: null,
          publishedAt: null,
          confirmedBy: null,
          queuedBy: person,
          createdAt: now,
          updatedAt: now,
        });
        if (inserted) queued += 1;
      }
    });
    if (row && queued > 0) {
      this.#logEntry(workspaceId, row.incidentId, 'composer.queued', {
        statementId,
        title: row.title,
        person,
        items: queued,
      });
      this.deps.events.emit('composer:outboxChanged', { workspaceId });
      this.deps.onQueued();
    }
    return this.#changed(workspaceId, statementId);
  }

  #requireApproved(workspaceId: WorkspaceId, repo: StatementRepository, row: StatementRow): void {
    const status = approvalStatus(repo.decisions(row.id), row.contentHash, this.requiredRoles(workspaceId, row.kind));
    if (status.state === 'approved') return;
    const missing = this.requiredRoles(workspaceId, row.kind).filter((r) => !status.approvedRoles.includes(r));
    throw status.state === 'rejected'
      ? failure('FORBIDDEN', 'composer.failures.rejectedStatement')
      : failure('FORBIDDEN', 'composer.failures.approvalMissing', { roles: missing.join(', ') });
  }

  /**
   * Takes in a statement from the cell: its content as the document holds it now (concurrent edits merged) and
   * its decisions not seen yet, genuine or not.
   */
  takeInShared(workspaceId: WorkspaceId, shared: SharedStatementIntake): void {
    const repo = this.#repo(workspaceId);
    const now = this.deps.clock.now().toISOString();
    const content = contentOf(shared.row);
    const hash = contentHash(content);
    let changed = false;
    repo.atomically(() => {
      const current = repo.get(shared.row.id);
      if (!current) {
        repo.insert({ ...shared.row, revision: 1, contentHash: hash, updatedAt: now });
        changed = true;
      } else if (current.contentHash !== hash || current.title !== content.title) {
        repo.replace(shared.row.id, { ...shared.row, contentHash: hash, updatedAt: now });
        changed = true;
      }
      for (const d of shared.decisions) {
        if (d.decisionId !== null && repo.hasDecision(d.decisionId)) continue;
        repo.addDecision(d);
        changed = true;
      }
    });
    if (changed) this.deps.events.emit('composer:changed', { workspaceId, statementId: shared.row.id });
  }

  /** The posts each channel will carry, as the approval screen shows them; a word too long for a post is refused. */
  #plannedRows(workspaceId: WorkspaceId, content: StatementContent) {
    const mastodon = this.#accounts(this.deps.store.get(workspaceId)).get('mastodon') as { maxCharacters?: number } | undefined;
    try {
      return outboxRowsFor(content, mastodon?.maxCharacters ? { mastodon: mastodon.maxCharacters } : {}, this.deps.threadNumbering?.(workspaceId) ?? 'suffix');
    } catch (error) {
      if (error instanceof ThreadSplitError) {
        const word = error.word.length > 60 ? `${error.word.slice(0, 57)}…` : error.word;
        throw failure('INVALID_INPUT', 'composer.failures.wordTooLong', { word, channel: error.channel, limit: error.limit });
      }
      throw error;
    }
  }

  #decide(
    workspaceId: WorkspaceId,
    statementId: string,
    approver: { person: string; role: string },
    seenHash: string,
    decision: 'approved' | 'rejected',
    reason: string | null,
  ): StatementDetail {
    const repo = this.#repo(workspaceId);
    const now = this.deps.clock.now().toISOString();
    let row: StatementRow | undefined;
    let made: DecisionRow | undefined;
    repo.atomically(() => {
      row = this.#row(repo, statementId);
      if (seenHash !== row.contentHash) {
        throw failure('CONFLICT', 'composer.failures.changedSinceRead');
      }
      const required = this.requiredRoles(workspaceId, row.kind);
      if (!required.includes(approver.role)) {
        throw failure('FORBIDDEN', 'composer.failures.wrongApprover', { kind: row.kind, roles: required.join(', '), role: approver.role });
      }
      const sameHash = repo.decisions(statementId).filter((d) => d.contentHash === row!.contentHash && d.decision === 'approved' && d.genuine !== 0);
      if (decision === 'approved' && sameHash.some((d) => d.person === approver.person && d.role !== approver.role)) {
        // Two roles exist so that two people read the text; one person holding both defeats that.
        throw failure('CONFLICT', 'composer.failures.secondPersonNeeded', { person: approver.person });
      }
      const decided: Omit<DecisionRow, 'seq'> = {
        statementId,
        decision,
        person: approver.person,
        role: approver.role,
        reason,
        contentHash: row.contentHash,
        snapshotJson: JSON.stringify(contentOf(row)),
        decidedAt: now,
        decisionId: randomUUID(),
        deviceId: this.deps.sharing?.device(workspaceId) ?? null,
        genuine: 1,
      };
      repo.addDecision(decided);
      made = { ...decided, seq: 0 };
    });
    if (made) this.deps.sharing?.decided(workspaceId, statementId, made);
    const r = row!;
    const open = decision === 'approved' ? this.#openFlags(workspaceId, r) : [];
    this.#logEntry(workspaceId, r.incidentId, decision === 'approved' ? 'composer.approved' : 'composer.rejected', {
      statementId,
      title: r.title,
      person: approver.person,
      role: approver.role,
      contentHash: r.contentHash,
      hash: r.contentHash.slice(0, 12),
      reason,
      openFlags: open.join(',') || null,
    });
    return this.#changed(workspaceId, statementId);
  }

  /** Rules still raised on either twin (with the log's unverified facts), e.g. `en:speculation`. */
  #openFlags(workspaceId: WorkspaceId, row: StatementRow): string[] {
    const checkers = this.deps.checkers;
    if (!checkers) return [];
    const facts = this.deps.log?.unverified(workspaceId, row.incidentId) ?? [];
    const flagged = (lang: 'fr' | 'en', text: string): string[] =>
      text.trim() === '' ? [] : [...new Set(checkers[lang].check(text, facts, row.kind as StatementKind).map((f) => `${lang}:${f.rule}`))];
    return [...flagged('fr', row.textFr), ...flagged('en', row.textEn)];
  }

  #logEntry(workspaceId: WorkspaceId, incidentId: string, code: string, data: Record<string, string | number | boolean | null>): void {
    this.deps.log?.system(workspaceId, { incidentId, code, data });
  }

  #changed(workspaceId: WorkspaceId, statementId: string): StatementDetail {
    this.deps.events.emit('composer:changed', { workspaceId, statementId });
    return this.get(workspaceId, statementId);
  }

  /** The roles whose approval a statement of this kind needs now, in this workspace. */
  requiredRoles(workspaceId: WorkspaceId, kind: string): readonly string[] {
    const approvers = this.deps.approvers?.(workspaceId) ?? DEFAULT_APPROVER_ROLES;
    return approvers[kind as StatementKind] ?? DEFAULT_APPROVER_ROLES.holding;
  }

  #repo(workspaceId: WorkspaceId): StatementRepository {
    return this.#statements(this.deps.store.get(workspaceId));
  }

  #row(repo: StatementRepository, statementId: string): StatementRow {
    const row = repo.get(statementId);
    if (!row) throw failure('NOT_FOUND', 'composer.failures.noStatement');
    return row;
  }
}


const dedupe = <T>(values: readonly T[]): T[] => [...new Set(values)];

function contentOf(row: Pick<StatementRow, 'title' | 'textFr' | 'textEn' | 'channelsJson' | 'variantsJson'>): StatementContent {
  return statementContentSchema.parse({
    title: row.title,
    textFr: row.textFr,
    textEn: row.textEn,
    channels: JSON.parse(row.channelsJson) as unknown,
    variants: JSON.parse(row.variantsJson) as unknown,
  });
}

function toStatement(row: StatementRow, decisions: Parameters<typeof approvalStatus>[0], required: readonly string[]): Statement {
  const requiredRoles = [...required];
  const status = approvalStatus(decisions, row.contentHash, requiredRoles);
  return {
    ...contentOf(row),
    id: row.id,
    incidentId: row.incidentId,
    kind: row.kind as StatementKind,
    templateId: row.templateId,
    replyToMentionId: row.replyToMentionId,
    revision: row.revision,
    contentHash: row.contentHash,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    approvalState: status.state,
    requiredRoles,
    approvedRoles: status.approvedRoles,
  };
}

const withPublishing = (cellPublishing: CellPublishing | undefined): { cellPublishing?: CellPublishing } => (cellPublishing ? { cellPublishing } : {});
