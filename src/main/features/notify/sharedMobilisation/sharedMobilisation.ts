// Mobilisation and acknowledgement across the cell through automerge-repo. Like the crisis log, each laptop writes
// only its own document: the mobilising laptop publishes its mobilisation there (who is asked, and which member's
// laptop answers for each person), and each asked laptop writes its acknowledgement in its own document. The
// mobilising laptop reads every member's document and takes in the acknowledgements of its own mobilisations,
// genuine or not, once each; the asked laptops read the mobilisations whose calls name them.
import type { DocHandle } from '@automerge/automerge-repo';
import type { MyCall } from '../../../../shared/domain/notify';
import type { LocalizedText } from '../../../../shared/domain/plan';
import type { Clock } from '../../../platform/clock';
import type { EventBus } from '../../../platform/events/eventBus';
import { failure } from '../../../platform/i18n/failure';
import type { Logger } from '../../../platform/logger';
import { followMemberDocuments, type MemberDocument, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import {
  acknowledgementHolds,
  acknowledgementKey,
  acknowledgementRecordSchema,
  deviceOfPerson,
  mobilisationHolds,
  mobilisationRecordSchema,
  signAcknowledgement,
  signMobilisation,
  type AcknowledgementRecord,
  type MobilisationDocument,
  type MobilisationRecord,
} from './mobilisationRecords';

const DOMAIN = 'mobilisation';

/** A mobilisation made on this laptop, as the notify feature hands it over for the cell. */
export interface MobilisationDraft {
  readonly id: string;
  readonly incidentId: string;
  readonly title: string;
  readonly level: MobilisationRecord['level'];
  readonly startedAt: string;
  readonly calls: readonly { roleId: string; roleName: LocalizedText; personName: string }[];
}

/** An acknowledgement of one of this laptop's mobilisations, read from a member's document. */
export interface ReceivedAcknowledgement {
  readonly mobilisationId: string;
  readonly incidentId: string;
  readonly roleId: string;
  readonly personName: string;
  readonly deviceId: string;
  readonly memberName: string | null;
  readonly acknowledgedAt: string;
  readonly signature: string;
  readonly genuine: boolean;
}

export interface MobilisationHost {
  /** Mobilisations this laptop drives now, published again when its document lacks them (a crash, a later join). */
  drafts(workspaceId: string): MobilisationDraft[];
  /** Idempotent: the same acknowledgement may be read again after a restart. */
  takeIn(workspaceId: string, acknowledgement: ReceivedAcknowledgement): void;
}

interface CellMobilisation {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<MobilisationDocument>;
  /** Member documents followed, by URL, with the laptop that writes each. */
  readonly followed: Map<string, MemberDocument<MobilisationDocument>>;
  /** Acknowledgements already handed to the host in this session. */
  readonly taken: Set<string>;
  closed: boolean;
}

export class SharedMobilisation implements SharedDomain {
  readonly #cells = new Map<string, CellMobilisation>();

  constructor(
    private readonly host: MobilisationHost,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<MobilisationDocument>(DOMAIN, () => ({ mobilisations: {}, acknowledgements: {} }));
    const cell: CellMobilisation = { context, own, followed: new Map(), taken: new Set(), closed: false };
    this.#cells.set(context.workspaceId, cell);
    this.#republish(cell);
    context.onMembersChanged(() => {
      try {
        this.#republish(cell);
      } catch (error) {
        this.logger.warn('mobilisation: not published again', { workspaceId: context.workspaceId, error: String(error) });
      }
    });
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, read: () => this.#intake(cell) }, this.logger, cell.followed);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (cell) cell.closed = true;
    this.#cells.delete(workspaceId);
  }

  /** Puts a mobilisation made on this laptop into its document, each person linked to the member who is them. */
  publish(workspaceId: string, draft: MobilisationDraft): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return;
    cell.own.change((doc) => {
      doc.mobilisations[draft.id] = this.#record(cell, draft);
    });
  }

  /**
   * The mobilisations this laptop drives go (back) into its document when it lacks them (a crash before the save, a
   * cell joined after mobilising) or when a member picked or changed their roster entry since they were published.
   */
  #republish(cell: CellMobilisation): void {
    if (cell.closed) return;
    const published = cell.own.doc().mobilisations ?? {};
    const changed = this.host.drafts(cell.context.workspaceId).map((draft) => this.#record(cell, draft)).filter((record) => {
      const before = published[record.id];
      return !before || before.calls.some((call, i) => call.device !== record.calls[i]?.device) || before.calls.length !== record.calls.length;
    });
    if (changed.length === 0) return;
    cell.own.change((doc) => {
      for (const record of changed) doc.mobilisations[record.id] = record;
    });
  }

  #record(cell: CellMobilisation, draft: MobilisationDraft): MobilisationRecord {
    const members = cell.context.members();
    return signMobilisation(
      {
        id: draft.id,
        incidentId: draft.incidentId,
        title: draft.title,
        level: draft.level,
        startedAt: draft.startedAt,
        device: cell.context.deviceId,
        calls: draft.calls.map((c) => ({ roleId: c.roleId, roleName: { fr: c.roleName.fr, en: c.roleName.en }, personName: c.personName, device: deviceOfPerson(c.personName, members) })),
      },
      (data) => cell.context.sign(data),
    );
  }

  /** The calls that ask this laptop's member, newest mobilisation first. */
  mine(workspaceId: string): MyCall[] {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) return [];
    const me = cell.context.deviceId;
    const myKey = cell.context.member(me)?.publicKeyPem;
    const acknowledged = cell.own.doc().acknowledgements ?? {};
    const out: MyCall[] = [];
    for (const m of this.#mobilisations(cell)) {
      for (const call of m.calls) {
        if (call.device !== me) continue;
        // Only this laptop's own signature counts: something else written into its document is acknowledged over.
        const ack = acknowledgementRecordSchema.safeParse(plain(acknowledged[acknowledgementKey(m.id, call.roleId)]));
        const acknowledgedAt = ack.success && acknowledgementHolds(ack.data, m, myKey) ? ack.data.acknowledgedAt : null;
        out.push({
          mobilisationId: m.id,
          incidentId: m.incidentId,
          title: m.title,
          level: m.level,
          startedAt: m.startedAt,
          mobilisedBy: cell.context.member(m.device)?.name ?? null,
          roleId: call.roleId,
          roleName: call.roleName,
          personName: call.personName,
          acknowledgedAt,
        });
      }
    }
    return out.sort((x, y) => y.startedAt.localeCompare(x.startedAt) || x.roleId.localeCompare(y.roleId));
  }

  /**
   * This laptop's member acknowledges one of their calls; acknowledging again changes nothing. The answer comes once
   * the acknowledgement is stored: automerge-repo holds a change back before saving it, and unlike a log entry an
   * acknowledgement has no other record to be rebuilt from after a crash.
   */
  async acknowledgeMine(workspaceId: string, mobilisationId: string, roleId: string): Promise<MyCall[]> {
    const cell = this.#cells.get(workspaceId);
    if (!cell || cell.closed) throw failure('CONFLICT', 'notify.failures.notInCell');
    const call = this.mine(workspaceId).find((c) => c.mobilisationId === mobilisationId && c.roleId === roleId);
    if (!call) throw failure('NOT_FOUND', 'notify.failures.notYourCall');
    if (call.acknowledgedAt === null) {
      const record = signAcknowledgement(
        { mobilisationId, roleId, device: cell.context.deviceId, acknowledgedAt: this.clock.now().toISOString() },
        (data) => cell.context.sign(data),
      );
      cell.own.change((doc) => {
        doc.acknowledgements[acknowledgementKey(mobilisationId, roleId)] = record;
      });
      await cell.context.repo.flush([cell.own.documentId]);
      this.#changed(cell);
    }
    return this.mine(workspaceId);
  }

  /** Every genuine mobilisation in the members' documents, each from the document of the laptop that signed it. */
  #mobilisations(cell: CellMobilisation): MobilisationRecord[] {
    const out: MobilisationRecord[] = [];
    for (const { deviceId, handle } of cell.followed.values()) {
      if (!handle?.isReady()) continue;
      for (const value of Object.values(handle.doc().mobilisations ?? {})) {
        const parsed = mobilisationRecordSchema.safeParse(plain(value));
        if (!parsed.success || parsed.data.device !== deviceId) continue;
        if (mobilisationHolds(parsed.data, cell.context.member(deviceId)?.publicKeyPem)) out.push(parsed.data);
      }
    }
    return out;
  }

  /** Hands the host each acknowledgement of this laptop's own mobilisations not yet taken in this session. */
  #intake(cell: CellMobilisation): void {
    if (cell.closed) return;
    const { workspaceId } = cell.context;
    const own = cell.own.doc().mobilisations ?? {};
    for (const { handle } of cell.followed.values()) {
      if (!handle?.isReady()) continue;
      for (const value of Object.values(handle.doc().acknowledgements ?? {})) {
        const parsed = acknowledgementRecordSchema.safeParse(plain(value));
        if (!parsed.success) continue;
        const ack = parsed.data;
        const mobilisation = own[ack.mobilisationId];
        const seen = `${ack.device}:${acknowledgementKey(ack.mobilisationId, ack.roleId)}:${ack.signature}`;
        if (!mobilisation || cell.taken.has(seen)) continue;
        cell.taken.add(seen);
        try {
          this.#takeIn(cell, ack, plain(mobilisation) as MobilisationRecord);
        } catch (error) {
          // Read again on the next change of any member's document.
          cell.taken.delete(seen);
          this.logger.warn('mobilisation: acknowledgement not taken in', { workspaceId, error: String(error) });
        }
      }
    }
    this.#changed(cell);
  }

  #takeIn(cell: CellMobilisation, ack: AcknowledgementRecord, mobilisation: MobilisationRecord): void {
    const member = cell.context.member(ack.device);
    const call = mobilisation.calls.find((c) => c.roleId === ack.roleId);
    this.host.takeIn(cell.context.workspaceId, {
      mobilisationId: ack.mobilisationId,
      incidentId: mobilisation.incidentId,
      roleId: ack.roleId,
      personName: call?.personName ?? '',
      deviceId: ack.device,
      memberName: member?.name ?? null,
      acknowledgedAt: ack.acknowledgedAt,
      signature: ack.signature,
      genuine: acknowledgementHolds(ack, mobilisation, member?.publicKeyPem),
    });
  }

  #changed(cell: CellMobilisation): void {
    this.events.emit('notify:mineChanged', { workspaceId: cell.context.workspaceId });
  }
}

/** Automerge hands out proxies; the schemas read a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
