// A shared domain made of small signed operations on keyed things (a queue item, a campaign, an alert): each laptop
// writes only its own document, every operation stamped by the laptop's hybrid logical clock and signed by its
// device key. Every laptop reads every member's document, keeps the genuine operations (signed by the laptop whose
// document holds them) by key, and tells its host which keys changed; the host folds a key's operations, in the one
// order every laptop uses (clock, laptop, id), into its read model.
import { randomUUID } from 'node:crypto';
import type { DocHandle } from '@automerge/automerge-repo';
import { z } from 'zod';
import type { Logger } from '../logger';
import { deviceSignatureHolds } from './deviceSignature';
import { HybridClock } from './hybridClock';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from './sharedDomain';

export const sharedOpSchema = z.object({
  id: z.uuid(),
  /** The thing it acts on, the same on every laptop. */
  key: z.string().min(1).max(2_000),
  kind: z.string().min(1).max(40),
  device: z.string().regex(/^[0-9a-f]{32}$/),
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  at: z.iso.datetime(),
  /** The person who acted, as typed on that laptop. */
  by: z.string().max(200),
  /** What the kind carries, as JSON text: read by the host's own schema. */
  data: z.string().max(100_000),
  signature: z.string().max(200),
});
export type SharedOp = z.infer<typeof sharedOpSchema>;

/** A genuine operation, with the name of the member whose laptop made it. */
export type ReceivedOp = SharedOp & { readonly memberName: string | null };

interface OpLogDocument {
  ops: Record<string, SharedOp>;
  /** Set once the host published what this laptop had before it joined the cell. */
  joined?: boolean;
}

export interface NewOp {
  readonly key: string;
  readonly kind: string;
  readonly by: string;
  readonly at: string;
  readonly data: unknown;
}

export interface SharedOpLogHost {
  /**
   * The laptop's first session in its cell began: what it decided before joining goes in now, once (later sessions
   * read it from the cell like everything else).
   */
  joined?(workspaceId: string): void;
  /** The operations on these keys changed (some arrived, or this laptop made one): fold them again. */
  changed(workspaceId: string, keys: ReadonlySet<string>): void;
}

interface CellOps {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<OpLogDocument>;
  readonly clock: HybridClock;
  readonly byKey: Map<string, Map<string, ReceivedOp>>;
  /** Document entries already read, per document URL. */
  readonly seen: Map<string, Set<string>>;
  /** Keys the host failed to fold: folded again with the next ones. */
  readonly retry: Set<string>;
  closed: boolean;
}

const signedBytes = (op: Omit<SharedOp, 'signature'>, domain: string): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-shared-op-v1', domain, op.id, op.key, op.kind, op.device, op.hlc, op.at, op.by, op.data]), 'utf8');

/** The order every laptop folds a key's operations in. */
export const opOrder = (a: SharedOp, b: SharedOp): number => a.hlc.localeCompare(b.hlc) || a.device.localeCompare(b.device) || a.id.localeCompare(b.id);

export class SharedOpLog implements SharedDomain {
  readonly #cells = new Map<string, CellOps>();
  #host: SharedOpLogHost | null = null;

  constructor(
    private readonly domain: string,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** The host is often built after the log it records into. */
  serve(host: SharedOpLogHost): void {
    this.#host = host;
  }

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<OpLogDocument>(this.domain, () => ({ ops: {} }));
    const cell: CellOps = { context, own, clock: new HybridClock(this.wallMs), byKey: new Map(), seen: new Map(), retry: new Set(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    const found = (handle: DocHandle<OpLogDocument>, writer: string): void => {
      // A document held as unavailable gets its first content as a change before the handle is ready.
      handle.on('change', ({ doc }) => this.#intake(cell, writer, handle.url, doc));
      if (handle.isReady()) this.#intake(cell, writer, handle.url, handle.doc());
    };
    followMemberDocuments(context, this.domain, { closed: () => cell.closed, found }, this.logger);
    if (own.doc().joined === true) return;
    try {
      this.#host?.joined?.(context.workspaceId);
      own.change((doc) => {
        doc.joined = true;
      });
    } catch (error) {
      this.logger.warn('shared operations: earlier state not published', { domain: this.domain, workspaceId: context.workspaceId, error: String(error) });
    }
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  /** Whether the workspace is in a cell now: outside one, nothing is recorded. */
  inCell(workspaceId: string): boolean {
    return this.#cells.has(workspaceId);
  }

  /** Signs operations this laptop made and puts them in its document in one change; the host hears of their keys at once. */
  record(workspaceId: string, made: readonly NewOp[]): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed || made.length === 0) return;
    const { deviceId } = cell.context;
    const ops = made.map(({ key, kind, by, at, data }): SharedOp => {
      const unsigned = { id: randomUUID(), key, kind, device: deviceId, hlc: cell.clock.next(), at, by, data: JSON.stringify(data) };
      return { ...unsigned, signature: cell.context.sign(signedBytes(unsigned, this.domain)).toString('base64') };
    });
    cell.own.change((doc) => {
      // A document made by an older build, or shared with another domain's map, may lack the map yet.
      doc.ops ??= {};
      for (const op of ops) doc.ops[op.id] = { ...op };
    });
    for (const op of ops) this.#keep(cell, op);
    this.#tell(cell, new Set(ops.map((op) => op.key)));
  }

  /** A key's genuine operations, in fold order. */
  ops(workspaceId: string, key: string): ReceivedOp[] {
    const ops = this.#cells.get(workspaceId)?.byKey.get(key);
    return ops ? [...ops.values()].sort(opOrder) : [];
  }

  /** Every key with operations. */
  keys(workspaceId: string): string[] {
    return [...(this.#cells.get(workspaceId)?.byKey.keys() ?? [])];
  }

  #keep(cell: CellOps, op: SharedOp): void {
    const ops = cell.byKey.get(op.key) ?? new Map<string, ReceivedOp>();
    cell.byKey.set(op.key, ops);
    ops.set(op.id, { ...op, memberName: cell.context.member(op.device)?.name ?? null });
  }

  #intake(cell: CellOps, writer: string, url: string, doc: OpLogDocument): void {
    if (cell.closed) return;
    const seen = cell.seen.get(url) ?? new Set<string>();
    cell.seen.set(url, seen);
    const touched = new Set<string>(cell.retry);
    for (const [entry, value] of Object.entries(doc.ops ?? {})) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      const parsed = sharedOpSchema.safeParse(plain(value));
      // Only the laptop whose document it is writes there, signed with its own key: anything else is not its word.
      const genuine =
        parsed.success &&
        parsed.data.id === entry &&
        parsed.data.device === writer &&
        deviceSignatureHolds(signedBytes(parsed.data, this.domain), parsed.data.signature, cell.context.member(writer)?.publicKeyPem);
      if (!genuine) {
        this.logger.warn('shared operations: operation not genuine, ignored', { domain: this.domain, workspaceId: cell.context.workspaceId, entry });
        continue;
      }
      cell.clock.observe(parsed.data.hlc);
      if (cell.byKey.get(parsed.data.key)?.has(parsed.data.id)) continue;
      this.#keep(cell, parsed.data);
      touched.add(parsed.data.key);
    }
    if (touched.size > 0) this.#tell(cell, touched);
  }

  #tell(cell: CellOps, keys: Set<string>): void {
    cell.retry.clear();
    try {
      this.#host?.changed(cell.context.workspaceId, keys);
    } catch (error) {
      for (const key of keys) cell.retry.add(key);
      this.logger.warn('shared operations: not folded', { domain: this.domain, workspaceId: cell.context.workspaceId, error: String(error) });
    }
  }
}

/** Automerge hands out proxies; the schema reads a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
