// The crisis log shared across the cell through automerge-repo. Each laptop appends its own entries, signed by its
// device key, to its own Automerge document (one per author laptop rather than one shared document: every
// document has a single writer, so its entries are exactly that laptop's chain; a document's size is bounded by one
// author; and a change event names the one author to look at). Entries not yet in the read model go into it once
// (by id), in clock order, marked genuine or not by their signature. Only the keys a change's patches name are looked
// at, and the changes of one turn of the event loop go in together: reading whole documents on every change made
// taking in a log of n entries cost O(n²).
import type { DocHandle, Patch } from '@automerge/automerge-repo';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../platform/sync/sharedDomain';
import { HybridClock } from '../../platform/sync/hybridClock';
import type { Logger } from '../../platform/logger';
import type { CrisisLogRepository, OriginRow } from './crisisLogRepository';
import type { Unchained } from './chainHash';
import { forgeryId, pageOf, plain, putEntry, sharedEntrySchema, signatureHolds, signEntry, type SharedEntry, type SharedLogDocument } from './sharedEntry';

const DOMAIN = 'crisisLog';

/** What the log service does for the shared log: its repository, and appending received entries to its chain. */
export interface SharedLogHost {
  repository(workspaceId: string): CrisisLogRepository;
  /** Appends entries received from the cell to the local chain in the given order, with their origins, at once. */
  receive(workspaceId: string, entries: readonly { record: Unchained; origin: OriginRow }[]): void;
  readonly logger: Pick<Logger, 'warn'>;
}

/** Where an entry sits in a log document. */
interface Slot {
  readonly page: string;
  readonly key: string;
}

interface FollowedDocument {
  readonly handle: DocHandle<SharedLogDocument>;
  /** Slots already taken in (or refused as malformed), by `page/key`. */
  readonly seen: Set<string>;
  /** Slots changed since the last intake, and corrections held back until the entry they correct arrives. */
  readonly pending: Map<string, Slot>;
}

interface CellLog {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<SharedLogDocument>;
  readonly clock: HybridClock;
  /** Member documents found, by URL. */
  readonly followed: Map<string, FollowedDocument>;
  intakeScheduled: boolean;
  closed: boolean;
}

const slotId = (page: string, key: string): string => `${page}/${key}`;

export class SharedLog implements SharedDomain {
  readonly #cells = new Map<string, CellLog>();

  constructor(
    private readonly host: SharedLogHost,
    private readonly wallMs: () => number,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<SharedLogDocument>(DOMAIN, () => ({ pages: {} }));
    const clock = new HybridClock(this.wallMs);
    const repo = this.host.repository(context.workspaceId);
    const last = repo.lastHlc();
    if (last) clock.observe(last);
    const cell: CellLog = { context, own, clock, followed: new Map(), intakeScheduled: false, closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell, repo);
    const found = (handle: DocHandle<SharedLogDocument>): void => {
      cell.followed.set(handle.url, { handle, seen: new Set(), pending: new Map() });
      this.#scheduleIntake(cell);
    };
    const read = (doc: SharedLogDocument, handle: DocHandle<SharedLogDocument>, _deviceId: string, patches: readonly Patch[] | null): void => {
      const followed = cell.followed.get(handle.url);
      if (!followed) return;
      if (patches) touched(followed, doc, patches);
      else touchAll(followed, doc);
      this.#scheduleIntake(cell);
    };
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, found, read }, this.host.logger);
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
    // Already in the read model: its own change need not be looked at.
    cell.followed.get(cell.own.url)?.seen.add(slotId(pageOf(entry.n), entry.id));
    cell.own.change((doc) => putEntry(doc, entry));
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
    const pages = cell.own.doc().pages ?? {};
    const missing = repo.originsOf(cell.context.deviceId).filter((o) => pages[pageOf(o.authorSeq)]?.[o.entryId] === undefined);
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
      for (const entry of entries) putEntry(d, entry);
    });
  }

  #scheduleIntake(cell: CellLog): void {
    if (cell.intakeScheduled) return;
    cell.intakeScheduled = true;
    setImmediate(() => {
      cell.intakeScheduled = false;
      this.#intake(cell);
    });
  }

  /**
   * Takes in the pending entries the read model does not have yet, in one batch; then again as long as a batch lets
   * held-back corrections in.
   */
  #intake(cell: CellLog): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const repo = this.host.repository(workspaceId);
    for (;;) {
      const candidates: { entry: SharedEntry; genuine: boolean; slot: string; followed: FollowedDocument }[] = [];
      for (const followed of cell.followed.values()) {
        if (!followed.handle.isReady()) continue;
        const pages = followed.handle.doc().pages ?? {};
        for (const [slot, { page, key }] of followed.pending) {
          const value = pages[page]?.[key];
          const parsed = value === undefined ? undefined : sharedEntrySchema.safeParse(plain(value));
          if (parsed?.success !== true) {
            followed.pending.delete(slot);
            if (parsed === undefined) continue;
            followed.seen.add(slot);
            this.host.logger.warn('crisis log: malformed shared entry ignored', { workspaceId, key });
            continue;
          }
          const entry = parsed.data;
          const genuine = entry.id === key && signatureHolds(entry, cell.context.member(entry.device)?.publicKeyPem);
          if (repo.has(genuine ? entry.id : forgeryId(entry))) {
            followed.pending.delete(slot);
            followed.seen.add(slot);
            continue;
          }
          candidates.push({ entry, genuine, slot, followed });
        }
      }
      if (candidates.length === 0) return;
      // Clock order, then device: a correction follows what it corrects whenever its author had seen it.
      candidates.sort((x, y) => x.entry.hlc.localeCompare(y.entry.hlc) || x.entry.device.localeCompare(y.entry.device));
      const taken = new Set<string>();
      const batch: { record: Unchained; origin: OriginRow }[] = [];
      let held = false;
      for (const { entry, genuine, slot, followed } of candidates) {
        const id = genuine ? entry.id : forgeryId(entry);
        const corrected = entry.correctsId;
        const correctedHere = corrected === null || taken.has(corrected) || repo.has(corrected);
        if (!taken.has(id) && !correctedHere && genuine) {
          held = true;
          continue;
        }
        followed.pending.delete(slot);
        followed.seen.add(slot);
        if (taken.has(id)) continue;
        taken.add(id);
        if (genuine) cell.clock.observe(entry.hlc);
        batch.push({
          record: recordOf(entry, id, correctedHere ? corrected : null),
          origin: originOf(entry, id, cell.context.member(entry.device)?.name ?? null, genuine),
        });
      }
      if (batch.length > 0) this.host.receive(workspaceId, batch);
      if (batch.length === 0 || !held) return;
    }
  }
}

/** Marks the slots a change's patches name as pending: a whole page when the page itself was put. */
function touched(followed: FollowedDocument, doc: SharedLogDocument, patches: readonly Patch[]): void {
  for (const { path } of patches) {
    if (path[0] !== 'pages') continue;
    if (path.length === 1) touchAll(followed, doc);
    else if (path.length === 2) touchPage(followed, doc, String(path[1]));
    else touch(followed, String(path[1]), String(path[2]));
  }
}

function touchAll(followed: FollowedDocument, doc: SharedLogDocument): void {
  for (const page of Object.keys(doc.pages ?? {})) touchPage(followed, doc, page);
}

function touchPage(followed: FollowedDocument, doc: SharedLogDocument, page: string): void {
  for (const key of Object.keys(doc.pages?.[page] ?? {})) touch(followed, page, key);
}

function touch(followed: FollowedDocument, page: string, key: string): void {
  const slot = slotId(page, key);
  if (!followed.seen.has(slot)) followed.pending.set(slot, { page, key });
}

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
