// The crisis log shared across the cell through automerge-repo. Each laptop appends its own entries, signed by its
// device key, to its own Automerge document (one per author laptop rather than one shared document: every
// document has a single writer, so its entries are exactly that laptop's chain; a document's size is bounded by one
// author; and a change event names the one author to look at). On every change of any member's document, entries
// not yet in the read model go into it once (by id), in clock order, marked genuine or not by their signature.
import type { DocHandle } from '@automerge/automerge-repo';
import type { SharedDomain, SharedDomainContext } from '../../platform/sync/sharedDomain';
import { HybridClock } from '../../platform/sync/hybridClock';
import type { Logger } from '../../platform/logger';
import type { CrisisLogRepository, OriginRow } from './crisisLogRepository';
import type { Unchained } from './chainHash';
import { forgeryId, sharedEntrySchema, signatureHolds, signEntry, type SharedEntry, type SharedLogDocument } from './sharedEntry';

const DOMAIN = 'crisisLog';

/** What the log service does for the shared log: its repository, and appending received entries to its chain. */
export interface SharedLogHost {
  repository(workspaceId: string): CrisisLogRepository;
  /** Appends entries received from the cell to the local chain in the given order, with their origins, at once. */
  receive(workspaceId: string, entries: readonly { record: Unchained; origin: OriginRow }[]): void;
  readonly logger: Pick<Logger, 'warn'>;
}

interface CellLog {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<SharedLogDocument>;
  readonly clock: HybridClock;
  /** Member documents followed, by URL. */
  readonly followed: Map<string, DocHandle<SharedLogDocument> | null>;
  /** Document keys already taken in (or refused as malformed), per document URL. */
  readonly seen: Map<string, Set<string>>;
  /** Documents holding corrections whose corrected entry has not arrived yet: looked at again after each intake. */
  readonly waiting: Set<DocHandle<SharedLogDocument>>;
  closed: boolean;
}

export class SharedLog implements SharedDomain {
  readonly #cells = new Map<string, CellLog>();

  constructor(
    private readonly host: SharedLogHost,
    private readonly wallMs: () => number,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<SharedLogDocument>(DOMAIN, () => ({ entries: {} }));
    const clock = new HybridClock(this.wallMs);
    const repo = this.host.repository(context.workspaceId);
    const last = repo.lastHlc();
    if (last) clock.observe(last);
    const cell: CellLog = { context, own, clock, followed: new Map(), seen: new Map(), waiting: new Set(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell, repo);
    context.onMembersChanged(() => this.#follow(cell));
    this.#follow(cell);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  /**
   * Signs an entry this laptop appends while in a cell and records its origin; runs inside the append's
   * transaction, so the entry and its signature are stored together or not at all. Undefined outside a cell.
   */
  sign(workspaceId: string, repo: CrisisLogRepository, record: Unchained): SharedEntry | undefined {
    const cell = this.#cells.get(workspaceId);
    if (!cell || record.kind === null || record.kind === 'system') return undefined;
    const { deviceId } = cell.context;
    const last = repo.lastOwnOrigin(deviceId);
    const entry = signEntry(
      {
        id: record.id,
        n: (last?.authorSeq ?? 0) + 1,
        prev: last?.signature ?? '',
        hlc: cell.clock.next(),
        device: deviceId,
        incidentId: record.incidentId,
        kind: record.kind as SharedEntry['kind'],
        occurredAt: record.occurredAt,
        enteredAt: record.enteredAt,
        author: record.author,
        authorRole: record.authorRole,
        body: record.body,
        source: record.source,
        verification: record.verification as SharedEntry['verification'],
        pinned: record.pinned === 1,
        correctsId: record.refId,
      },
      (data) => cell.context.sign(data),
    );
    repo.insertOrigin(originOf(entry, entry.id, cell.context.member(deviceId)?.name ?? null, true));
    return entry;
  }

  /** Puts a signed entry into this laptop's document, once its transaction has committed. */
  publish(workspaceId: string, entry: SharedEntry): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return;
    cell.own.change((doc) => {
      doc.entries[entry.id] = { ...entry };
    });
  }

  /** Whether an author laptop's genuine entries form its chain: numbers 1, 2, … each naming the one before. */
  authorChainBreak(workspaceId: string): { entryId: string } | undefined {
    const repo = this.host.repository(workspaceId);
    for (const deviceId of repo.originDevices()) {
      let expected = { n: 1, prev: '' };
      for (const origin of repo.originsOf(deviceId)) {
        if (origin.authorSeq !== expected.n || origin.prev !== expected.prev) return { entryId: origin.entryId };
        expected = { n: origin.authorSeq + 1, prev: origin.signature };
      }
    }
    return undefined;
  }

  /**
   * Entries this laptop signed and stored whose document change a crash (or a stop) lost before automerge-repo
   * saved it: the database is the reference, so they go back into the document.
   */
  #republish(cell: CellLog, repo: CrisisLogRepository): void {
    const doc = cell.own.doc();
    const missing = repo.originsOf(cell.context.deviceId).filter((o) => doc.entries[o.entryId] === undefined);
    if (missing.length === 0) return;
    const entries = missing.flatMap((o) => {
      const row = repo.entry(o.entryId);
      if (!row || row.kind === null) return [];
      const entry: SharedEntry = {
        id: row.id,
        n: o.authorSeq,
        prev: o.prev,
        hlc: o.hlc,
        device: o.deviceId,
        incidentId: row.incidentId,
        kind: row.kind as SharedEntry['kind'],
        occurredAt: row.occurredAt,
        enteredAt: row.enteredAt,
        author: row.author,
        authorRole: row.authorRole,
        body: row.body,
        source: row.source,
        verification: row.verification as SharedEntry['verification'],
        pinned: row.pinned === 1,
        correctsId: row.refId,
        signature: o.signature,
      };
      return [entry];
    });
    cell.own.change((d) => {
      for (const entry of entries) d.entries[entry.id] = entry;
    });
  }

  #follow(cell: CellLog): void {
    if (cell.closed) return;
    for (const { url } of cell.context.memberDocuments(DOMAIN)) {
      if (cell.followed.has(url)) continue;
      cell.followed.set(url, null);
      // A document no connected peer has yet is kept "unavailable" and becomes ready when one sends it.
      cell.context.repo.find<SharedLogDocument>(url, { allowableStates: ['ready', 'unavailable'] }).then(
        (handle) => {
          if (cell.closed) return;
          cell.followed.set(url, handle);
          handle.on('change', () => this.#intake(cell, [handle]));
          this.#intake(cell, [handle]);
        },
        (error: unknown) => {
          cell.followed.delete(url);
          this.host.logger.warn('crisis log: member document not found', { url, error: String(error) });
        },
      );
    }
  }

  /** Takes in the entries of `handles` the read model does not have yet; then retries held-back corrections. */
  #intake(cell: CellLog, handles: readonly DocHandle<SharedLogDocument>[]): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const repo = this.host.repository(workspaceId);
    const candidates: { entry: SharedEntry; genuine: boolean; key: string; seen: Set<string>; handle: DocHandle<SharedLogDocument> }[] = [];
    for (const handle of handles) {
      if (!handle.isReady()) continue;
      const entries = handle.doc().entries ?? {};
      const seen = cell.seen.get(handle.url) ?? new Set<string>();
      cell.seen.set(handle.url, seen);
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) continue;
        const parsed = sharedEntrySchema.safeParse(plain(entries[key]));
        if (!parsed.success) {
          seen.add(key);
          this.host.logger.warn('crisis log: malformed shared entry ignored', { workspaceId, key });
          continue;
        }
        const entry = parsed.data;
        const genuine = entry.id === key && signatureHolds(entry, cell.context.member(entry.device)?.publicKeyPem);
        if (repo.has(genuine ? entry.id : forgeryId(entry))) {
          seen.add(key);
          continue;
        }
        candidates.push({ entry, genuine, key, seen, handle });
      }
    }
    if (candidates.length === 0) return;
    // Clock order, then device: a correction follows what it corrects whenever its author had seen it.
    candidates.sort((x, y) => x.entry.hlc.localeCompare(y.entry.hlc) || x.entry.device.localeCompare(y.entry.device));
    const taken = new Set<string>();
    const batch: { record: Unchained; origin: OriginRow }[] = [];
    const waiting = new Set<DocHandle<SharedLogDocument>>();
    for (const { entry, genuine, key, seen, handle } of candidates) {
      const id = genuine ? entry.id : forgeryId(entry);
      if (taken.has(id)) {
        seen.add(key);
        continue;
      }
      const corrected = entry.correctsId;
      const correctedHere = corrected === null || taken.has(corrected) || repo.has(corrected);
      if (!correctedHere && genuine) {
        waiting.add(handle);
        continue;
      }
      taken.add(id);
      seen.add(key);
      if (genuine) cell.clock.observe(entry.hlc);
      batch.push({
        record: recordOf(entry, id, correctedHere ? corrected : null),
        origin: originOf(entry, id, cell.context.member(entry.device)?.name ?? null, genuine),
      });
    }
    if (batch.length > 0) this.host.receive(workspaceId, batch);
    const heldBefore = [...cell.waiting].filter((h) => !handles.includes(h));
    cell.waiting.clear();
    for (const handle of waiting) cell.waiting.add(handle);
    if (batch.length > 0 && heldBefore.length > 0) this.#intake(cell, heldBefore);
    else for (const handle of heldBefore) cell.waiting.add(handle);
  }
}

/** Automerge hands out proxies; the schema reads a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function recordOf(e: SharedEntry, id: string, refId: string | null): Unchained {
  return {
    id,
    record: 'entry',
    incidentId: e.incidentId,
    kind: e.kind,
    occurredAt: e.occurredAt,
    enteredAt: e.enteredAt,
    author: e.author,
    authorRole: e.authorRole,
    body: e.body,
    source: e.source,
    verification: e.verification,
    pinned: e.pinned ? 1 : 0,
    refId,
    systemCode: null,
    dataJson: null,
  };
}

const originOf = (e: SharedEntry, entryId: string, memberName: string | null, genuine: boolean): OriginRow => ({
  entryId,
  deviceId: e.device,
  memberName,
  authorSeq: e.n,
  prev: e.prev,
  hlc: e.hlc,
  signature: e.signature,
  genuine: genuine ? 1 : 0,
});
