// Incidents across the cell through automerge-repo. Like the crisis log, each laptop writes only its own document:
// every change it makes to an incident (the opening carrying the whole incident, then status, severity, handovers,
// checklist items), stamped by its hybrid logical clock and signed by its device key. Every laptop reads every
// member's document, keeps each change once (by id) marked genuine or not by its signature, and hands the host the
// new ones; the host replays each touched incident's genuine changes in clock order into its read model.
import { randomUUID } from 'node:crypto';
import type { DocHandle } from '@automerge/automerge-repo';
import { HybridClock } from '../../../platform/sync/hybridClock';
import type { Logger } from '../../../platform/logger';
import { followMemberDocuments, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { ChangeRow, IncidentChangeRepository } from '../incidentChangeRepository';
import { changeHolds, forgeryId, incidentChangeSchema, signChange, type ChangeData, type ChangeKind, type IncidentChange, type IncidentChangesDocument } from './incidentChange';

const DOMAIN = 'incidents';

export interface SharedIncidentsHost {
  changes(workspaceId: string): IncidentChangeRepository;
  /** What this laptop tells the cell of an incident it has: the whole of it as it stands. */
  opening(workspaceId: string, incidentId: string): ChangeData['opened'] | undefined;
  /** Stores the changes received from the cell and replays the incidents they touch, at once. */
  takeIn(workspaceId: string, rows: readonly ChangeRow[]): void;
}

interface CellIncidents {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<IncidentChangesDocument>;
  readonly clock: HybridClock;
  /** Document keys already taken in (or refused as malformed), per document URL. */
  readonly seen: Map<string, Set<string>>;
  closed: boolean;
}

export class SharedIncidents implements SharedDomain {
  readonly #cells = new Map<string, CellIncidents>();

  constructor(
    private readonly host: SharedIncidentsHost,
    private readonly wallMs: () => number,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<IncidentChangesDocument>(DOMAIN, () => ({ changes: {} }));
    const clock = new HybridClock(this.wallMs);
    const changes = this.host.changes(context.workspaceId);
    const last = changes.lastHlc();
    if (last) clock.observe(last);
    const cell: CellIncidents = { context, own, clock, seen: new Map(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell, changes);
    // Incidents opened before this laptop joined go to the cell as they stand now.
    for (const incidentId of changes.unopened()) {
      const opening = this.host.opening(context.workspaceId, incidentId);
      if (opening) this.record(context.workspaceId, incidentId, { kind: 'opened', data: opening }, opening.openedBy, opening.openedAt);
    }
    const read = (doc: IncidentChangesDocument, handle: DocHandle<IncidentChangesDocument>, writer: string): void => this.#intake(cell, writer, handle, doc);
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, read }, this.logger);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  /** Signs a change this laptop made, keeps it with the incident's history and puts it in its document; nothing outside a cell. */
  record<K extends ChangeKind>(workspaceId: string, incidentId: string, change: { kind: K; data: ChangeData[K] }, by: string, at: string): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return;
    const { deviceId } = cell.context;
    const signed = signChange(
      { id: randomUUID(), incidentId, device: deviceId, hlc: cell.clock.next(), at, by, kind: change.kind, data: JSON.stringify(change.data) },
      (data) => cell.context.sign(data),
    );
    this.host.changes(workspaceId).insert(rowOf(signed, signed.id, cell.context.member(deviceId)?.name ?? null, true));
    cell.own.change((doc) => {
      doc.changes[signed.id] = { ...signed };
    });
  }

  /** Changes this laptop stored whose document change a crash lost before automerge-repo saved it go back in. */
  #republish(cell: CellIncidents, changes: IncidentChangeRepository): void {
    const doc = cell.own.doc();
    const missing = changes.own(cell.context.deviceId).filter((row) => doc.changes?.[row.id] === undefined);
    if (missing.length === 0) return;
    cell.own.change((d) => {
      for (const row of missing) {
        d.changes[row.id] = { id: row.id, incidentId: row.incidentId, device: row.deviceId, hlc: row.hlc, at: row.at, by: row.by, kind: row.kind as ChangeKind, data: row.dataJson, signature: row.signature };
      }
    });
  }

  /** Hands the host the changes of one member's document it does not have yet. */
  #intake(cell: CellIncidents, writer: string, handle: DocHandle<IncidentChangesDocument>, doc: IncidentChangesDocument): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const changes = this.host.changes(workspaceId);
    const seen = cell.seen.get(handle.url) ?? new Set<string>();
    cell.seen.set(handle.url, seen);
    const rows: ChangeRow[] = [];
    const keys: string[] = [];
    const entries = doc.changes ?? {};
    for (const key of Object.keys(entries)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const parsed = incidentChangeSchema.safeParse(plain(entries[key]));
      if (!parsed.success) {
        this.logger.warn('incidents: malformed shared change ignored', { workspaceId, key });
        continue;
      }
      const change = parsed.data;
      // Only the laptop whose document it is writes there: anything else in it is not that laptop's word.
      const genuine = change.id === key && change.device === writer && changeHolds(change, cell.context.member(change.device)?.publicKeyPem);
      const id = genuine ? change.id : forgeryId(change);
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
      this.logger.warn('incidents: shared changes not taken in', { workspaceId, error: String(error) });
    }
  }
}

/** Automerge hands out proxies; the schema reads a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const rowOf = (c: IncidentChange, id: string, memberName: string | null, genuine: boolean): ChangeRow => ({
  id,
  incidentId: c.incidentId,
  deviceId: c.device,
  memberName,
  hlc: c.hlc,
  at: c.at,
  by: c.by,
  kind: c.kind,
  dataJson: c.data,
  signature: c.signature,
  genuine: genuine ? 1 : 0,
});
