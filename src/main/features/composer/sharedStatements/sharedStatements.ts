// Statements across the cell through automerge-repo. Each statement lives in one document that every laptop edits
// (its texts are Automerge text, so concurrent edits merge); each laptop lists the documents it made in its own
// index document, which the others follow. Decisions and publish claims go into the statement's document signed
// by the laptop's device key; every laptop checks them before counting them. Publishing: a laptop that presses
// publish writes a claim, waits for the cell to hear of other claims, and queues the statement only if its claim is
// the one every laptop picks (the outbox's idempotency key, the same on every laptop, covers a partition).
import { randomUUID } from 'node:crypto';
import { updateText, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { statementContentSchema, type StatementContent } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Logger } from '../../../platform/logger';
import { HybridClock } from '../../../platform/sync/hybridClock';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { DecisionRow, StatementRow } from '../statementRepository';
import type { SharedStatementIntake, StatementSharing } from '../statementService';
import type { SharedStatementRepository } from './sharedStatementRepository';
import {
  claimHolds,
  decisionHolds,
  publishClaimSchema,
  sharedDecisionSchema,
  signClaim,
  signDecision,
  statementHeaderSchema,
  winningClaim,
  type PublishClaim,
  type StatementDocument,
  type StatementIndexDocument,
} from './statementDocument';

const DOMAIN = 'statements';

export interface SharedStatementsHost {
  links(workspaceId: string): SharedStatementRepository;
  statement(workspaceId: string, statementId: string): StatementRow | undefined;
  decisions(workspaceId: string, statementId: string): DecisionRow[];
  takeIn(workspaceId: string, shared: SharedStatementIntake): void;
  /** Queues the statement in this laptop's outbox: the cell picked this laptop's claim. */
  publish(workspaceId: string, statementId: string, person: string): void;
}

export interface SharedStatementsTuning {
  /** How long a claim waits for other laptops' claims before its laptop publishes. */
  readonly claimSettleMs?: number;
}

interface CellStatements {
  readonly context: SharedDomainContext;
  readonly index: DocHandle<StatementIndexDocument>;
  readonly clock: HybridClock;
  /** Statement documents open here, by statement id. */
  readonly documents: Map<string, DocHandle<StatementDocument>>;
  /** Statement documents followed, by URL (the members' index documents are followed by `followMemberDocuments`). */
  readonly followed: Set<string>;
  readonly timers: Set<ReturnType<typeof setTimeout>>;
  closed: boolean;
}

export class SharedStatements implements SharedDomain, StatementSharing {
  readonly #cells = new Map<string, CellStatements>();
  readonly #settleMs: number;

  constructor(
    private readonly host: SharedStatementsHost,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
    tuning: SharedStatementsTuning = {},
  ) {
    this.#settleMs = tuning.claimSettleMs ?? 2_000;
  }

  async attach(context: SharedDomainContext): Promise<void> {
    const index = await context.ownDocument<StatementIndexDocument>(DOMAIN, () => ({ statements: {} }));
    const cell: CellStatements = { context, index, clock: new HybridClock(this.wallMs), documents: new Map(), followed: new Set(), timers: new Set(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    // Statements drafted before this laptop joined, or whose document a crash lost before it was saved.
    for (const statementId of this.host.links(context.workspaceId).unshared()) this.created(context.workspaceId, statementId);
    const read = (doc: StatementIndexDocument): void => {
      for (const [statementId, documentUrl] of Object.entries(doc.statements ?? {})) this.#followStatement(cell, statementId, String(documentUrl));
    };
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, read }, this.logger);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell) return;
    cell.closed = true;
    for (const timer of cell.timers) clearTimeout(timer);
    this.#cells.delete(workspaceId);
  }

  device(workspaceId: WorkspaceId): string | undefined {
    return this.#cells.get(workspaceId)?.context.deviceId;
  }

  created(workspaceId: WorkspaceId, statementId: string): void {
    const cell = this.#open(workspaceId);
    const row = this.host.statement(workspaceId, statementId);
    if (!cell || !row) return;
    const handle = cell.context.repo.create<StatementDocument>({
      id: row.id,
      incidentId: row.incidentId,
      kind: row.kind,
      templateId: row.templateId,
      replyToMentionId: row.replyToMentionId,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      title: row.title,
      textFr: row.textFr,
      textEn: row.textEn,
      channels: row.channelsJson,
      variants: row.variantsJson,
      decisions: {},
      claims: {},
    });
    this.host.links(workspaceId).link(statementId, handle.url);
    cell.index.change((doc) => {
      doc.statements[statementId] = handle.url;
    });
    // Decisions taken before the statement went to the cell travel with it, signed by this laptop now.
    for (const d of this.host.decisions(workspaceId, statementId)) this.#putDecision(cell, handle, statementId, d);
    this.#watch(cell, statementId, handle);
  }

  edited(workspaceId: WorkspaceId, statementId: string, content: StatementContent): void {
    const handle = this.#open(workspaceId)?.documents.get(statementId);
    if (!handle) return;
    handle.change((doc) => {
      // Only the difference goes in, as character edits, so another laptop's concurrent edit survives.
      updateText(doc, ['title'], content.title);
      updateText(doc, ['textFr'], content.textFr);
      updateText(doc, ['textEn'], content.textEn);
      const channels = JSON.stringify(content.channels);
      const variants = JSON.stringify(content.variants);
      if (doc.channels !== channels) doc.channels = channels;
      if (doc.variants !== variants) doc.variants = variants;
    });
  }

  decided(workspaceId: WorkspaceId, statementId: string, decision: DecisionRow): void {
    const cell = this.#open(workspaceId);
    const handle = cell?.documents.get(statementId);
    if (cell && handle) this.#putDecision(cell, handle, statementId, decision);
  }

  claim(workspaceId: WorkspaceId, statementId: string, contentHash: string, person: string): boolean {
    const cell = this.#open(workspaceId);
    const handle = cell?.documents.get(statementId);
    if (!cell || !handle) return false;
    const { deviceId } = cell.context;
    const claim = signClaim(
      statementId,
      { id: randomUUID(), device: deviceId, contentHash, hlc: cell.clock.next(), person, at: new Date(this.wallMs()).toISOString() },
      (data) => cell.context.sign(data),
    );
    handle.change((doc) => {
      doc.claims[claim.id] = { ...claim };
    });
    const timer = setTimeout(() => {
      cell.timers.delete(timer);
      this.#decide(cell, statementId, handle);
    }, this.#settleMs);
    cell.timers.add(timer);
    return true;
  }

  #open(workspaceId: string): CellStatements | undefined {
    const cell = this.#cells.get(workspaceId);
    return cell && !cell.closed ? cell : undefined;
  }

  #putDecision(cell: CellStatements, handle: DocHandle<StatementDocument>, statementId: string, d: DecisionRow): void {
    if (d.decisionId === null || d.genuine === 0 || d.deviceId !== cell.context.deviceId) return;
    const signed = signDecision(
      statementId,
      { id: d.decisionId, device: d.deviceId, decision: d.decision, person: d.person, role: d.role, reason: d.reason, contentHash: d.contentHash, snapshot: d.snapshotJson, at: d.decidedAt },
      (data) => cell.context.sign(data),
    );
    handle.change((doc) => {
      if (!doc.decisions[signed.id]) doc.decisions[signed.id] = { ...signed };
    });
  }

  #followStatement(cell: CellStatements, statementId: string, url: string): void {
    if (cell.followed.has(url)) return;
    // One document per statement: a second one naming the same statement is not followed.
    const linked = this.host.links(cell.context.workspaceId).documentOf(statementId);
    if (linked !== undefined && linked !== url) return;
    cell.followed.add(url);
    this.#find<StatementDocument>(cell, url, (handle) => this.#watch(cell, statementId, handle));
  }

  #watch(cell: CellStatements, statementId: string, handle: DocHandle<StatementDocument>): void {
    cell.followed.add(handle.url);
    cell.documents.set(statementId, handle);
    handle.on('change', ({ doc }) => this.#intake(cell, statementId, handle, doc));
    if (handle.isReady()) this.#intake(cell, statementId, handle, handle.doc());
    // A claim made before a restart is decided now: the wait for the cell's other claims is long over.
    this.#decide(cell, statementId, handle);
  }

  #find<T>(cell: CellStatements, url: string, then: (handle: DocHandle<T>) => void): void {
    // A document no connected peer has yet is kept "unavailable" and becomes ready when one sends it.
    cell.context.repo.find<T>(url as AutomergeUrl, { allowableStates: ['ready', 'unavailable'] }).then(
      (handle) => {
        if (!cell.closed) then(handle);
      },
      (error: unknown) => {
        cell.followed.delete(url);
        this.logger.warn('statements: shared document not found', { url, error: String(error) });
      },
    );
  }

  /** Hands the host the statement as its document holds it now, with every decision checked. */
  #intake(cell: CellStatements, statementId: string, handle: DocHandle<StatementDocument>, doc: StatementDocument): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const header = statementHeaderSchema.safeParse({
      id: doc.id,
      incidentId: doc.incidentId,
      kind: doc.kind,
      templateId: doc.templateId ?? null,
      replyToMentionId: doc.replyToMentionId ?? null,
      createdBy: doc.createdBy,
      createdAt: doc.createdAt,
    });
    const content = readContent(doc);
    if (!header.success || header.data.id !== statementId || !content) {
      this.logger.warn('statements: malformed shared statement ignored', { workspaceId, statementId });
      return;
    }
    const decisions: Omit<DecisionRow, 'seq'>[] = [];
    for (const [key, value] of Object.entries(doc.decisions ?? {})) {
      const parsed = sharedDecisionSchema.safeParse(plain(value));
      if (!parsed.success) {
        this.logger.warn('statements: malformed shared decision ignored', { workspaceId, statementId, key });
        continue;
      }
      const d = parsed.data;
      const genuine = d.id === key && decisionHolds(statementId, d, cell.context.member(d.device)?.publicKeyPem);
      decisions.push({
        statementId,
        decision: d.decision,
        person: d.person,
        role: d.role,
        reason: d.decision === 'rejected' && (d.reason ?? '').trim() === '' ? '—' : d.reason,
        contentHash: d.contentHash,
        snapshotJson: d.snapshot,
        decidedAt: d.at,
        // A forgery keeps its own id: it can never take the place of the genuine decision it names.
        decisionId: genuine ? d.id : `forged:${d.id}:${d.signature.slice(0, 16)}`,
        deviceId: d.device,
        genuine: genuine ? 1 : 0,
      });
    }
    try {
      this.host.takeIn(workspaceId, {
        row: {
          id: header.data.id,
          incidentId: header.data.incidentId,
          kind: header.data.kind,
          templateId: header.data.templateId,
          replyToMentionId: header.data.replyToMentionId,
          createdBy: header.data.createdBy,
          createdAt: header.data.createdAt,
          title: content.title,
          textFr: content.textFr,
          textEn: content.textEn,
          channelsJson: JSON.stringify(content.channels),
          variantsJson: JSON.stringify(content.variants),
        },
        decisions,
      });
      this.host.links(workspaceId).link(statementId, handle.url);
    } catch (error) {
      this.logger.warn('statements: shared statement not taken in', { workspaceId, statementId, error: String(error) });
      return;
    }
    for (const claim of this.#claims(cell, statementId, doc)) cell.clock.observe(claim.hlc);
  }

  #claims(cell: CellStatements, statementId: string, doc: StatementDocument): PublishClaim[] {
    const claims: PublishClaim[] = [];
    for (const [key, value] of Object.entries(doc.claims ?? {})) {
      const parsed = publishClaimSchema.safeParse(plain(value));
      if (parsed.success && parsed.data.id === key && claimHolds(statementId, parsed.data, cell.context.member(parsed.data.device)?.publicKeyPem)) claims.push(parsed.data);
    }
    return claims;
  }

  /** Queues the statement here if the claim the cell picks for its current content is this laptop's. */
  #decide(cell: CellStatements, statementId: string, handle: DocHandle<StatementDocument>): void {
    if (cell.closed || !handle.isReady()) return;
    const row = this.host.statement(cell.context.workspaceId, statementId);
    if (!row) return;
    const winner = winningClaim(this.#claims(cell, statementId, handle.doc()), row.contentHash);
    if (winner?.device !== cell.context.deviceId) return;
    try {
      this.host.publish(cell.context.workspaceId, statementId, winner.person);
    } catch (error) {
      this.logger.warn('statements: claimed statement not queued', { workspaceId: cell.context.workspaceId, statementId, error: String(error) });
    }
  }
}

/** Automerge hands out proxies; the schemas read a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function readContent(doc: StatementDocument): StatementContent | undefined {
  try {
    const parsed = statementContentSchema.safeParse({
      title: String(doc.title ?? ''),
      textFr: String(doc.textFr ?? ''),
      textEn: String(doc.textEn ?? ''),
      channels: JSON.parse(String(doc.channels ?? '[]')),
      variants: JSON.parse(String(doc.variants ?? '{}')),
    });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
