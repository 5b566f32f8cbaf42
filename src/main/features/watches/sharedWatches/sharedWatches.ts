// Watches across the cell through automerge-repo. Each laptop writes only its own document: every watch it creates,
// edits, pauses or deletes, as the whole watch, stamped by its hybrid logical clock and signed by its device key.
// Every laptop reads every member's document, keeps each change once (by id) marked genuine or not by its signature,
// and hands the host the new ones; the host shows each watch as its last genuine change by clock says.
import { randomUUID } from 'node:crypto';
import type { DocHandle } from '@automerge/automerge-repo';
import type { Logger } from '../../../platform/logger';
import { HybridClock } from '../../../platform/sync/hybridClock';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { CellWatchRepository, WatchChangeRow } from '../cellWatchRepository';
import { signWatchChange, watchChangeHolds, watchChangeSchema, watchForgeryId, type SharedWatch, type WatchChange, type WatchChangesDocument } from './watchChange';

const DOMAIN = 'watches';

export interface SharedWatchesHost {
  changes(workspaceId: string): CellWatchRepository;
  /** This laptop's watches the cell does not know yet go to it. */
  publishAll(workspaceId: string): void;
  /** Stores the changes received from the cell and shows the watches they touch, at once. */
  takeIn(workspaceId: string, rows: readonly WatchChangeRow[]): void;
}

interface CellWatches {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<WatchChangesDocument>;
  readonly clock: HybridClock;
  readonly seen: Map<string, Set<string>>;
  closed: boolean;
}

export class SharedWatches implements SharedDomain {
  readonly #cells = new Map<string, CellWatches>();

  constructor(
    private readonly host: SharedWatchesHost,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<WatchChangesDocument>(DOMAIN, () => ({ changes: {} }));
    const clock = new HybridClock(this.wallMs);
    const changes = this.host.changes(context.workspaceId);
    const last = changes.lastHlc();
    if (last) clock.observe(last);
    const cell: CellWatches = { context, own, clock, seen: new Map(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell, changes);
    this.host.publishAll(context.workspaceId);
    const read = (doc: WatchChangesDocument, handle: DocHandle<WatchChangesDocument>, writer: string): void => this.#intake(cell, writer, handle, doc);
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, read }, this.logger);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  attached(workspaceId: string): boolean {
    return this.#cells.has(workspaceId);
  }

  /** Signs a change this laptop made to a watch (a new `uid` for a new one), stores it and puts it in its document. */
  record(workspaceId: string, uid: string, watch: SharedWatch | null): WatchChangeRow | undefined {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return undefined;
    const { deviceId } = cell.context;
    const signed = signWatchChange(
      { id: randomUUID(), uid, device: deviceId, hlc: cell.clock.next(), at: new Date(this.wallMs()).toISOString(), deleted: watch === null, watch: watch ? JSON.stringify(watch) : '' },
      (data) => cell.context.sign(data),
    );
    const row = rowOf(signed, signed.id, cell.context.member(deviceId)?.name ?? null, true);
    this.host.changes(workspaceId).insert(row);
    cell.own.change((doc) => {
      doc.changes[signed.id] = { ...signed };
    });
    return row;
  }

  #republish(cell: CellWatches, changes: CellWatchRepository): void {
    const doc = cell.own.doc();
    const missing = changes.own(cell.context.deviceId).filter((row) => doc.changes?.[row.id] === undefined);
    if (missing.length === 0) return;
    cell.own.change((d) => {
      for (const row of missing) {
        d.changes[row.id] = { id: row.id, uid: row.uid, device: row.deviceId, hlc: row.hlc, at: row.at, deleted: row.deleted === 1, watch: row.watchJson, signature: row.signature };
      }
    });
  }

  #intake(cell: CellWatches, writer: string, handle: DocHandle<WatchChangesDocument>, doc: WatchChangesDocument): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const changes = this.host.changes(workspaceId);
    const seen = cell.seen.get(handle.url) ?? new Set<string>();
    cell.seen.set(handle.url, seen);
    const rows: WatchChangeRow[] = [];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(doc.changes ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      const parsed = watchChangeSchema.safeParse(plain(value));
      if (!parsed.success) {
        this.logger.warn('watches: malformed shared change ignored', { workspaceId, key });
        continue;
      }
      const change = parsed.data;
      // Only the laptop whose document it is writes there: anything else in it is not that laptop's word.
      const genuine = change.id === key && change.device === writer && watchChangeHolds(change, cell.context.member(change.device)?.publicKeyPem);
      const id = genuine ? change.id : watchForgeryId(change);
      if (changes.has(id)) continue;
      if (genuine) cell.clock.observe(change.hlc);
      else this.logger.warn('watches: shared change not genuine', { workspaceId, key, device: change.device });
      rows.push(rowOf(change, id, cell.context.member(change.device)?.name ?? null, genuine));
      keys.push(key);
    }
    if (rows.length === 0) return;
    try {
      this.host.takeIn(workspaceId, rows);
    } catch (error) {
      for (const key of keys) seen.delete(key);
      this.logger.warn('watches: shared changes not taken in', { workspaceId, error: String(error) });
    }
  }
}

const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const rowOf = (c: WatchChange, id: string, memberName: string | null, genuine: boolean): WatchChangeRow => ({
  id,
  uid: c.uid,
  deviceId: c.device,
  memberName,
  hlc: c.hlc,
  at: c.at,
  deleted: c.deleted ? 1 : 0,
  watchJson: c.watch,
  signature: c.signature,
  genuine: genuine ? 1 : 0,
});
