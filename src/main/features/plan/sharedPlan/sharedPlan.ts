// The plan across the cell through automerge-repo. Like the incidents, each laptop writes only its own document:
// the founder's plan as the cell's base, then each revision a laptop saves, as what it changed, stamped by its hybrid
// logical clock and signed by its device key. Every laptop reads every member's document, keeps each revision once
// (by id) marked genuine or not by its signature, and hands the host the new ones to replay into its read model.
import { randomUUID } from 'node:crypto';
import type { DocHandle } from '@automerge/automerge-repo';
import type { Logger } from '../../../platform/logger';
import { HybridClock } from '../../../platform/sync/hybridClock';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { PlanChangeRepository, PlanChangeRow } from '../planChangeRepository';
import { planChangeHolds, planChangeSchema, planForgeryId, signPlanChange, type PlanChange, type PlanChangesDocument, type PlanOp } from './planChange';

const DOMAIN = 'plan';

export interface SharedPlanHost {
  changes(workspaceId: string): PlanChangeRepository;
  /** The plan this laptop has now, as the cell's base when this laptop founds the cell. */
  current(workspaceId: string): { plan: unknown; origin: PlanChange['origin'] };
  /** Stores the revisions received from the cell and replays the plan, at once. */
  takeIn(workspaceId: string, rows: readonly PlanChangeRow[]): void;
}

/** What a laptop's own revision says, before it is stamped and signed. */
export interface OwnPlanChange {
  readonly kind: PlanChange['kind'];
  readonly origin: PlanChange['origin'];
  readonly by: string;
  readonly note: string;
  readonly lesson: string;
  readonly ops: readonly PlanOp[];
}

interface CellPlan {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<PlanChangesDocument>;
  readonly clock: HybridClock;
  /** Document keys already taken in (or refused as malformed), per document URL. */
  readonly seen: Map<string, Set<string>>;
  closed: boolean;
}

export class SharedPlan implements SharedDomain {
  readonly #cells = new Map<string, CellPlan>();

  constructor(
    private readonly host: SharedPlanHost,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<PlanChangesDocument>(DOMAIN, () => ({ changes: {} }));
    const clock = new HybridClock(this.wallMs);
    const changes = this.host.changes(context.workspaceId);
    const last = changes.lastHlc();
    if (last) clock.observe(last);
    const cell: CellPlan = { context, own, clock, seen: new Map(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell, changes);
    // The laptop that creates the cell (alone in it when it attaches) brings its plan; the others take the cell's.
    const alone = context.members().every((m) => m.deviceId === context.deviceId);
    if (alone && !changes.all().some((row) => row.kind === 'base' && row.genuine === 1)) {
      const { plan, origin } = this.host.current(context.workspaceId);
      this.record(context.workspaceId, { kind: 'base', origin, by: '', note: '', lesson: '', ops: [{ op: 'set', path: [], value: plan }] });
    }
    const read = (doc: PlanChangesDocument, handle: DocHandle<PlanChangesDocument>, writer: string): void => this.#intake(cell, writer, handle, doc);
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, read }, this.logger);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  /** Whether the workspace's plan is the cell's: its revisions then go through `record`. */
  attached(workspaceId: string): boolean {
    return this.#cells.has(workspaceId);
  }

  /** Signs a revision this laptop made, stores it and puts it in its document; the host replays the plan after. */
  record(workspaceId: string, change: OwnPlanChange): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return;
    const { deviceId } = cell.context;
    const at = new Date(this.wallMs()).toISOString();
    const signed = signPlanChange(
      { id: randomUUID(), device: deviceId, hlc: cell.clock.next(), at, kind: change.kind, origin: change.origin, by: change.by, note: change.note, lesson: change.lesson, ops: JSON.stringify(change.ops) },
      (data) => cell.context.sign(data),
    );
    this.host.changes(workspaceId).insert(rowOf(signed, signed.id, cell.context.member(deviceId)?.name ?? null, true));
    cell.own.change((doc) => {
      doc.changes[signed.id] = { ...signed };
    });
  }

  /** Revisions this laptop stored whose document change a crash lost before automerge-repo saved it go back in. */
  #republish(cell: CellPlan, changes: PlanChangeRepository): void {
    const doc = cell.own.doc();
    const missing = changes.own(cell.context.deviceId).filter((row) => doc.changes?.[row.id] === undefined);
    if (missing.length === 0) return;
    cell.own.change((d) => {
      for (const row of missing) {
        d.changes[row.id] = {
          id: row.id,
          device: row.deviceId,
          hlc: row.hlc,
          at: row.at,
          kind: row.kind,
          origin: row.origin as PlanChange['origin'],
          by: row.by,
          note: row.note,
          lesson: row.lesson,
          ops: row.opsJson,
          signature: row.signature,
        };
      }
    });
  }

  /** Hands the host the revisions of one member's document it does not have yet. */
  #intake(cell: CellPlan, writer: string, handle: DocHandle<PlanChangesDocument>, doc: PlanChangesDocument): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const changes = this.host.changes(workspaceId);
    const seen = cell.seen.get(handle.url) ?? new Set<string>();
    cell.seen.set(handle.url, seen);
    const rows: PlanChangeRow[] = [];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(doc.changes ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      const parsed = planChangeSchema.safeParse(plain(value));
      if (!parsed.success) {
        this.logger.warn('plan: malformed shared revision ignored', { workspaceId, key });
        continue;
      }
      const change = parsed.data;
      // Only the laptop whose document it is writes there: anything else in it is not that laptop's word.
      const genuine = change.id === key && change.device === writer && planChangeHolds(change, cell.context.member(change.device)?.publicKeyPem);
      const id = genuine ? change.id : planForgeryId(change);
      if (changes.has(id)) continue;
      if (genuine) cell.clock.observe(change.hlc);
      rows.push(rowOf(change, id, cell.context.member(change.device)?.name ?? null, genuine));
      keys.push(key);
    }
    if (rows.length === 0) return;
    try {
      this.host.takeIn(workspaceId, rows);
    } catch (error) {
      // Read again on the document's next change.
      for (const key of keys) seen.delete(key);
      this.logger.warn('plan: shared revisions not taken in', { workspaceId, error: String(error) });
    }
  }
}

/** Automerge hands out proxies; the schema reads a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const rowOf = (c: PlanChange, id: string, memberName: string | null, genuine: boolean): PlanChangeRow => ({
  id,
  deviceId: c.device,
  memberName,
  hlc: c.hlc,
  at: c.at,
  kind: c.kind,
  origin: c.origin,
  by: c.by,
  note: c.note,
  lesson: c.lesson,
  opsJson: c.ops,
  signature: c.signature,
  genuine: genuine ? 1 : 0,
  refusalJson: null,
});
