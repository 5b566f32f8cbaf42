// Regulatory clocks: the cell classifies an incident under an obligation of the plan, which starts a clock whose
// step deadlines are stored as UTC instants. Correcting the awareness time and recording a sent notification
// recompute them; every change and every reminder is a crisis log entry. A reminder is recorded as given, written
// in the log and its messages queued in one transaction: a crash between those steps leaves it due, never lost.
import { randomUUID } from 'node:crypto';
import { actorSchema, type Actor } from '../../../shared/domain/incident';
import { obligationSchema, type CrisisPlan, type LocalizedName, type Obligation } from '../../../shared/domain/plan';
import type { RegulatoryClock } from '../../../shared/domain/regulatoryClock';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { failure } from '../../platform/i18n/failure';
import type { Logger } from '../../platform/logger';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import { ClockRepository, type ClockRow } from './clockRepository';
import { reminderInstants, stepDeadlines, stepStatus } from './deadlines';

export interface ClockDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  /** Each workspace's own clock: an exercise's deadlines and reminders run in game time. */
  readonly clockFor: (workspaceId: WorkspaceId) => Clock;
  readonly log: CrisisLogService;
  readonly plan: (workspaceId: WorkspaceId) => CrisisPlan;
  /** Throws NOT_FOUND when the incident does not exist. */
  readonly requireIncident: (workspaceId: WorkspaceId, incidentId: string) => void;
  /**
   * Queues the reminder's messages on the same database, inside the transaction that records the reminder as
   * given; throwing rolls the reminder back, to be given at the next check. Queueing twice must queue nothing new.
   */
  readonly deliver: (reminder: Reminder) => void;
  readonly logger: Logger;
}

export interface Reminder {
  readonly workspaceId: WorkspaceId;
  readonly incidentId: string;
  readonly clockId: string;
  readonly obligationId: string;
  readonly stepId: string;
  readonly ownerRole: Obligation['ownerRole'];
  readonly obligation: LocalizedName;
  readonly step: LocalizedName;
  readonly fraction: number;
  readonly dueAt: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const bilingual = (key: string, text: { fr: string; en: string }) => ({ [`${key}Fr`]: text.fr, [`${key}En`]: text.en });

export class ClockService {
  readonly #repo = perWorkspace((ws) => new ClockRepository(ws.db));

  constructor(private readonly deps: ClockDeps) {}

  list(workspaceId: WorkspaceId, incidentId: string): { now: string; clocks: RegulatoryClock[] } {
    this.deps.requireIncident(workspaceId, incidentId);
    const repo = this.#repoOf(workspaceId);
    const now = this.#now(workspaceId);
    return { now: iso(now), clocks: repo.forIncident(incidentId).map((row) => this.#view(repo, row, now)) };
  }

  classify(workspaceId: WorkspaceId, incidentId: string, obligationId: string, awarenessAt: string, actor: Actor): RegulatoryClock {
    const by = actorSchema.parse(actor);
    this.deps.requireIncident(workspaceId, incidentId);
    const { regulatory } = this.deps.plan(workspaceId);
    const obligation = regulatory.obligations.find((o) => o.id === obligationId);
    if (!obligation) throw failure('NOT_FOUND', 'clocks.failures.noObligation', { id: obligationId });
    const repo = this.#repoOf(workspaceId);
    if (repo.forIncident(incidentId).some((row) => row.obligationId === obligationId)) {
      throw failure('CONFLICT', 'clocks.failures.alreadyClassified', { obligation: obligation.name.en });
    }
    const now = this.#now(workspaceId);
    const aware = this.#awareness(awarenessAt, now);
    const row: ClockRow = {
      id: randomUUID(),
      incidentId,
      obligationId,
      obligationJson: JSON.stringify(obligation),
      timeZone: regulatory.timeZone,
      fractionsJson: JSON.stringify(regulatory.reminderFractions),
      classifiedAt: iso(now),
      classifiedBy: by.author,
      awarenessAt: iso(aware),
      fromArchiveAt: null,
    };
    repo.atomically(() => {
      repo.insert(row);
      this.#recompute(repo, row);
    });
    const view = this.#view(repo, row, now);
    const first = view.steps.find((s) => s.dueAt !== null);
    const firstStep = first ? obligation.steps.find((s) => s.id === first.stepId) : undefined;
    this.#log(workspaceId, incidentId, 'clock.classified', {
      by: by.author,
      ...bilingual('obligation', obligation.name),
      awarenessAt: row.awarenessAt,
      ...(firstStep ? bilingual('step', firstStep.name) : {}),
      dueAt: first?.dueAt ?? null,
    });
    return this.#changed(workspaceId, incidentId, view);
  }

  setAwareness(workspaceId: WorkspaceId, clockId: string, awarenessAt: string, reason: string, actor: Actor): RegulatoryClock {
    const by = actorSchema.parse(actor);
    const repo = this.#repoOf(workspaceId);
    const row = this.#clock(repo, clockId);
    const now = this.#now(workspaceId);
    const aware = this.#awareness(awarenessAt, Date.parse(row.classifiedAt));
    const updated = { ...row, awarenessAt: iso(aware) };
    repo.atomically(() => {
      repo.setAwareness(clockId, updated.awarenessAt);
      this.#recompute(repo, updated);
    });
    this.#log(workspaceId, row.incidentId, 'clock.awareness', {
      by: by.author,
      ...bilingual('obligation', obligationOf(row).name),
      previousAwarenessAt: row.awarenessAt,
      awarenessAt: updated.awarenessAt,
      reason,
    });
    return this.#changed(workspaceId, row.incidentId, this.#view(repo, updated, now));
  }

  markSent(workspaceId: WorkspaceId, clockId: string, stepId: string, what: string, sentAt: string | undefined, actor: Actor): RegulatoryClock {
    const by = actorSchema.parse(actor);
    const repo = this.#repoOf(workspaceId);
    const row = this.#clock(repo, clockId);
    const obligation = obligationOf(row);
    const step = obligation.steps.find((s) => s.id === stepId);
    if (!step) throw failure('NOT_FOUND', 'clocks.failures.noStep', { id: stepId });
    const stored = repo.steps(clockId).find((s) => s.stepId === stepId);
    if (stored?.sentAt) throw failure('CONFLICT', 'clocks.failures.alreadySent', { at: stored.sentAt });
    if (!stored?.dueAt) throw failure('INVALID_INPUT', 'clocks.failures.stepWaiting');
    const now = this.#now(workspaceId);
    const sent = sentAt === undefined ? now : Date.parse(sentAt);
    if (sent > now) throw failure('INVALID_INPUT', 'clocks.failures.sentInFuture');
    if (sent < Date.parse(row.awarenessAt)) throw failure('INVALID_INPUT', 'clocks.failures.sentBeforeAwareness');
    repo.atomically(() => {
      repo.markSent(clockId, stepId, iso(sent), by.author, what);
      this.#recompute(repo, row);
    });
    this.#log(workspaceId, row.incidentId, 'clock.sent', {
      by: by.author,
      ...bilingual('obligation', obligation.name),
      ...bilingual('step', step.name),
      sentAt: iso(sent),
      dueAt: stored.dueAt,
      status: stepStatus(Date.parse(stored.dueAt), sent, now),
      what,
    });
    return this.#changed(workspaceId, row.incidentId, this.#view(repo, row, now));
  }

  /**
   * Gives the reminders that are due, once each, on each workspace's own clock. When several fractions of one
   * deadline passed while nothing ran (laptop asleep, app closed), only the latest is said; the others are
   * recorded as given so they are not said late.
   */
  remindDue(workspaceIds: readonly WorkspaceId[]): Reminder[] {
    const given: Reminder[] = [];
    for (const workspaceId of workspaceIds) {
      try {
        given.push(...this.#remindIn(workspaceId));
      } catch (error) {
        this.deps.logger.error('regulatory reminders failed', { workspaceId, error: String(error) });
      }
    }
    return given;
  }

  #remindIn(workspaceId: WorkspaceId): Reminder[] {
    const repo = this.#repoOf(workspaceId);
    const now = this.#now(workspaceId);
    const given: Reminder[] = [];
    for (const row of repo.reminding()) {
      const fractions = JSON.parse(row.fractionsJson) as number[];
      const obligation = obligationOf(row);
      for (const stored of repo.steps(row.id)) {
        if (stored.sentAt || !stored.dueAt || !stored.startedAt) continue;
        const fired = new Set(repo.firedFractions(row.id, stored.stepId));
        const due = reminderInstants(Date.parse(stored.startedAt), Date.parse(stored.dueAt), fractions).filter((r) => r.at <= now && !fired.has(r.fraction));
        const latest = due.at(-1);
        if (!latest) continue;
        const step = obligation.steps.find((s) => s.id === stored.stepId);
        const reminder: Reminder = {
          workspaceId,
          incidentId: row.incidentId,
          clockId: row.id,
          obligationId: row.obligationId,
          stepId: stored.stepId,
          ownerRole: obligation.ownerRole,
          obligation: obligation.name,
          step: step?.name ?? { fr: stored.stepId, en: stored.stepId },
          fraction: latest.fraction,
          dueAt: stored.dueAt,
        };
        try {
          repo.atomically(() => {
            for (const r of due) repo.recordReminder(row.id, stored.stepId, r.fraction, iso(r.at), iso(now));
            this.#log(workspaceId, row.incidentId, 'clock.reminder', {
              percent: Math.round(latest.fraction * 100),
              ...bilingual('obligation', obligation.name),
              ...(step ? bilingual('step', step.name) : { step: stored.stepId }),
              dueAt: stored.dueAt,
            });
            this.deps.deliver(reminder);
          });
        } catch (error) {
          this.deps.logger.error('regulatory reminder not given, kept for the next check', { workspaceId, clockId: row.id, stepId: stored.stepId, error: String(error) });
          continue;
        }
        this.deps.events.emit('clocks:reminder', reminder);
        given.push(reminder);
      }
    }
    return given;
  }

  #recompute(repo: ClockRepository, row: ClockRow): void {
    const sentAt = new Map(repo.steps(row.id).flatMap((s) => (s.sentAt ? [[s.stepId, Date.parse(s.sentAt)] as const] : [])));
    const times = { awarenessAt: Date.parse(row.awarenessAt), classifiedAt: Date.parse(row.classifiedAt), sentAt };
    stepDeadlines(obligationOf(row), times, row.timeZone).forEach((d, position) => {
      repo.setDeadline(row.id, d.stepId, position, d.startedAt === null ? null : iso(d.startedAt), d.dueAt === null ? null : iso(d.dueAt));
    });
  }

  #view(repo: ClockRepository, row: ClockRow, now: number): RegulatoryClock {
    return {
      id: row.id,
      incidentId: row.incidentId,
      obligation: obligationOf(row),
      timeZone: row.timeZone,
      reminderFractions: JSON.parse(row.fractionsJson) as number[],
      classifiedAt: row.classifiedAt,
      classifiedBy: row.classifiedBy,
      awarenessAt: row.awarenessAt,
      steps: repo.steps(row.id).map((s) => ({
        stepId: s.stepId,
        startedAt: s.startedAt,
        dueAt: s.dueAt,
        sentAt: s.sentAt,
        sentBy: s.sentBy,
        sentWhat: s.sentWhat,
        status: stepStatus(s.dueAt === null ? null : Date.parse(s.dueAt), s.sentAt === null ? null : Date.parse(s.sentAt), now),
      })),
    };
  }

  /** Awareness cannot come after `latest` (now, or the classification it led to). */
  #awareness(value: string, latest: number): number {
    const at = Date.parse(value);
    if (at > latest) throw failure('INVALID_INPUT', 'clocks.failures.awarenessLater');
    return at;
  }

  #clock(repo: ClockRepository, clockId: string): ClockRow {
    const row = repo.clock(clockId);
    if (!row) throw failure('NOT_FOUND', 'clocks.failures.noClock');
    return row;
  }

  #repoOf(workspaceId: WorkspaceId): ClockRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(workspaceId: WorkspaceId): number {
    return this.deps.clockFor(workspaceId).now().getTime();
  }

  #log(workspaceId: WorkspaceId, incidentId: string, code: string, data: Record<string, string | number | null>): void {
    this.deps.log.system(workspaceId, { incidentId, code, data });
  }

  #changed(workspaceId: WorkspaceId, incidentId: string, view: RegulatoryClock): RegulatoryClock {
    this.deps.events.emit('clocks:changed', { workspaceId, incidentId });
    return view;
  }
}

const obligationOf = (row: ClockRow): Obligation => obligationSchema.parse(JSON.parse(row.obligationJson));
