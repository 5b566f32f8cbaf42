// Statements across the cell through automerge-repo. Each statement lives in one document that every laptop edits
// (its texts are Automerge text, so concurrent edits merge); each laptop lists the documents it made in its own
// index document, which the others follow. Decisions and publish claims go into the statement's document signed
// by the laptop's device key; every laptop checks them before counting them. Publishing: a laptop that presses
// publish writes a claim, waits for the cell to hear of other claims, and queues the statement only if its claim is
// the one every laptop picks (the outbox's idempotency key, the same on every laptop, covers a partition). A claim
// whose laptop has not shared a published result within a lease is taken over by the next claim in line; what an
// outbox posted goes into the document, signed, so every laptop shows where the statement is.
import { randomUUID } from 'node:crypto';
import { updateText, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { statementContentSchema, type StatementContent } from '../../../../shared/domain/statement';
import type { CellPublishing } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Logger } from '../../../platform/logger';
import { HybridClock } from '../../../platform/sync/hybridClock';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { DecisionRow, StatementRow } from '../statementRepository';
import type { SharedStatementIntake, StatementSharing } from '../statementService';
import type { SharedStatementRepository } from './sharedStatementRepository';
import {
  claimHolds,
  claimsInLine,
  decisionHolds,
  publishClaimSchema,
  publishResultSchema,
  resultHolds,
  sharedDecisionSchema,
  signClaim,
  signDecision,
  signResult,
  statementHeaderSchema,
  turnOf,
  type PublishClaim,
  type PublishResult,
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
  /** Claims or published results of the statement changed: its screens read them again. */
  publishingChanged(workspaceId: string, statementId: string): void;
}

/** What an outbox posted, as the cell learns it. */
export interface PostedItem {
  readonly contentHash: string;
  readonly channel: string;
  readonly language: string;
  readonly url: string | null;
  readonly at: string;
}

/**
 * How long a claim may go without a published result before the next laptop in line publishes. Long enough for a
 * live claimant to get through a short outage of the server (its outbox retries) and for the cell to hear of its
 * post; short enough that a laptop that died for good holds a crisis statement back for minutes, not for ever.
 */
const CLAIM_LEASE_MS = 3 * 60_000;

export interface SharedStatementsTuning {
  /** How long a claim waits for other laptops' claims before its laptop publishes. */
  readonly claimSettleMs?: number;
  /** How long a claim holds without a published result before the next one in line takes over (CLAIM_LEASE_MS). */
  readonly claimLeaseMs?: number;
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
  /** Per statement, the claims and results last told to the host, to tell it only of a change. */
  readonly publishingSeen: Map<string, string>;
  closed: boolean;
}

export class SharedStatements implements SharedDomain, StatementSharing {
  readonly #cells = new Map<string, CellStatements>();
  readonly #settleMs: number;
  readonly #leaseMs: number;

  constructor(
    private readonly host: SharedStatementsHost,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
    tuning: SharedStatementsTuning = {},
  ) {
    this.#settleMs = tuning.claimSettleMs ?? 2_000;
    this.#leaseMs = tuning.claimLeaseMs ?? CLAIM_LEASE_MS;
  }

  async attach(context: SharedDomainContext): Promise<void> {
    const index = await context.ownDocument<StatementIndexDocument>(DOMAIN, () => ({ statements: {} }));
    const cell: CellStatements = { context, index, clock: new HybridClock(this.wallMs), documents: new Map(), followed: new Set(), timers: new Set(), publishingSeen: new Map(), closed: false };
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
    this.#decideIn(cell, statementId, handle, this.#settleMs);
    return true;
  }

  /** Tells the cell what this laptop's outbox posted for the statement. */
  posted(workspaceId: WorkspaceId, statementId: string, item: PostedItem): void {
    const cell = this.#open(workspaceId);
    const handle = cell?.documents.get(statementId);
    if (!cell || !handle) return;
    const result = signResult(statementId, { id: randomUUID(), device: cell.context.deviceId, ...item }, (data) => cell.context.sign(data));
    handle.change((doc) => {
      if (!doc.results) doc.results = {};
      doc.results[result.id] = { ...result };
    });
  }

  /** Who is publishing the statement's current content and since when, and what was posted, as the cell knows it. */
  publishing(workspaceId: WorkspaceId, statementId: string, currentHash: string): CellPublishing | undefined {
    const cell = this.#open(workspaceId);
    const handle = cell?.documents.get(statementId);
    if (!cell || !handle?.isReady()) return undefined;
    const doc = handle.doc();
    const posts = this.#results(cell, statementId, doc)
      .filter((r) => r.contentHash === currentHash)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => ({ channel: r.channel, language: r.language, url: r.url, at: r.at, memberName: cell.context.member(r.device)?.name ?? null }));
    const line = claimsInLine(this.#claims(cell, statementId, doc), currentHash);
    const now = this.wallMs();
    // The claim in charge is the last one whose turn has come; the statement is pending until a post is shared.
    const place = line.findLastIndex((_, i) => turnOf(line, i, this.#leaseMs) <= now);
    const inCharge = line[Math.max(place, 0)];
    const pending =
      posts.length === 0 && inCharge
        ? { memberName: cell.context.member(inCharge.device)?.name ?? null, deviceId: inCharge.device, since: new Date(Math.max(Date.parse(inCharge.at), turnOf(line, Math.max(place, 0), this.#leaseMs))).toISOString() }
        : null;
    return { pending, posts };
  }

  #decideIn(cell: CellStatements, statementId: string, handle: DocHandle<StatementDocument>, ms: number): void {
    const timer = setTimeout(() => {
      cell.timers.delete(timer);
      this.#decide(cell, statementId, handle);
    }, ms);
    cell.timers.add(timer);
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
    const claims = this.#claims(cell, statementId, doc);
    for (const claim of claims) cell.clock.observe(claim.hlc);
    const seen = JSON.stringify([claims.map((c) => c.id).sort(), Object.keys(doc.results ?? {}).sort()]);
    if (cell.publishingSeen.get(statementId) !== seen) {
      cell.publishingSeen.set(statementId, seen);
      this.host.publishingChanged(workspaceId, statementId);
    }
  }

  #results(cell: CellStatements, statementId: string, doc: StatementDocument): PublishResult[] {
    const results: PublishResult[] = [];
    for (const [key, value] of Object.entries(doc.results ?? {})) {
      const parsed = publishResultSchema.safeParse(plain(value));
      if (parsed.success && parsed.data.id === key && resultHolds(statementId, parsed.data, cell.context.member(parsed.data.device)?.publicKeyPem)) results.push(parsed.data);
    }
    return results;
  }

  #claims(cell: CellStatements, statementId: string, doc: StatementDocument): PublishClaim[] {
    const claims: PublishClaim[] = [];
    for (const [key, value] of Object.entries(doc.claims ?? {})) {
      const parsed = publishClaimSchema.safeParse(plain(value));
      if (parsed.success && parsed.data.id === key && claimHolds(statementId, parsed.data, cell.context.member(parsed.data.device)?.publicKeyPem)) claims.push(parsed.data);
    }
    return claims;
  }

  /**
   * Queues the statement here if the claim the cell picks for its current content is this laptop's, or if this
   * laptop's claim is next in line and its turn came with no post shared (else looks again when it comes).
   */
  #decide(cell: CellStatements, statementId: string, handle: DocHandle<StatementDocument>): void {
    if (cell.closed || !handle.isReady()) return;
    const row = this.host.statement(cell.context.workspaceId, statementId);
    if (!row) return;
    const doc = handle.doc();
    const line = claimsInLine(this.#claims(cell, statementId, doc), row.contentHash);
    const place = line.findIndex((c) => c.device === cell.context.deviceId);
    const mine = line[place];
    if (!mine) return;
    if (place > 0) {
      if (this.#results(cell, statementId, doc).some((r) => r.contentHash === row.contentHash)) return;
      const wait = turnOf(line, place, this.#leaseMs) - this.wallMs();
      if (wait > 0) {
        this.#decideIn(cell, statementId, handle, wait);
        return;
      }
      this.logger.warn('statements: publish claim taken over', { workspaceId: cell.context.workspaceId, statementId, from: line[0]?.device });
    }
    try {
      this.host.publish(cell.context.workspaceId, statementId, mine.person);
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
