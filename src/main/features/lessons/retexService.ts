// The RETEX of a live incident: the cell's account, the measured timings, the follow-up actions tracked to done,
// and the plan changes they propose, which an accepting person turns into a plan revision naming the lesson.
import type { Alert } from '../../../shared/domain/detection';
import type { Actor, IncidentDetail } from '../../../shared/domain/incident';
import type { ResponseItem } from '../../../shared/domain/responseQueue';
import {
  FOLLOW_UP_ITEMS,
  RETEX_STATUSES,
  actionOwnerSchema,
  planChangeSchema,
  planChangeStateSchema,
  type FollowUpItem,
  type IncidentRetex,
  type NewRetexAction,
  type RetexAction,
  type RetexText,
} from '../../../shared/domain/retex';
import type { StatementDetail } from '../../../shared/domain/statement';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { failure } from '../../platform/i18n/failure';
import { translator } from '../../platform/i18n/translator';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import type { PlanService } from '../plan';
import { RollupRepository } from '../mentions';
import { applyPlanChange } from './planChange';
import { BASELINE_DAYS, recoveryOf, type HourCounts } from './recovery';
import { RetexRepository, type FollowUpRow, type RetexActionRow } from './retexRepository';
import { retexTimings } from './retexTimings';

export interface RetexDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly log: CrisisLogService;
  readonly plans: PlanService;
  readonly incident: (workspaceId: WorkspaceId, incidentId: string) => IncidentDetail;
  readonly alerts: (workspaceId: WorkspaceId) => readonly Alert[];
  readonly statements: (workspaceId: WorkspaceId, incidentId: string) => readonly StatementDetail[];
  readonly responses: (workspaceId: WorkspaceId, incidentId: string) => readonly ResponseItem[];
}

const HOUR_MS = 3_600_000;

export class RetexService {
  readonly #repo = perWorkspace((ws) => new RetexRepository(ws.db));
  readonly #rollups = perWorkspace((ws) => new RollupRepository(ws.db));

  constructor(private readonly deps: RetexDeps) {}

  get(workspaceId: WorkspaceId, incidentId: string): IncidentRetex {
    const incident = this.deps.incident(workspaceId, incidentId);
    const repo = this.#repoOf(workspaceId);
    const text = repo.text(incidentId);
    return {
      incidentId,
      whatHappened: text?.whatHappened ?? '',
      wentWell: text?.wentWell ?? '',
      wentBadly: text?.wentBadly ?? '',
      updatedAt: text?.updatedAt ?? null,
      updatedBy: text?.updatedBy ?? null,
      timings: retexTimings({
        incident,
        alerts: this.deps.alerts(workspaceId),
        statements: this.deps.statements(workspaceId, incidentId),
        responses: this.deps.responses(workspaceId, incidentId),
      }),
      recovery: this.#recovery(workspaceId, incident),
      actions: repo.actions(incidentId).map(toAction),
      followUp: followUpOf(repo.followUp(incidentId)),
    };
  }

  saveText(workspaceId: WorkspaceId, incidentId: string, text: RetexText, actor: Actor): IncidentRetex {
    this.#over(workspaceId, incidentId);
    this.#repoOf(workspaceId).saveText(incidentId, { ...text, updatedAt: this.#now(), updatedBy: actor.author });
    this.deps.log.system(workspaceId, { incidentId, code: 'retex.saved', data: { person: actor.author } });
    return this.#changed(workspaceId, incidentId);
  }

  addAction(workspaceId: WorkspaceId, incidentId: string, action: Required<NewRetexAction>, actor: Actor): IncidentRetex {
    this.#over(workspaceId, incidentId);
    this.#repoOf(workspaceId).insertAction(incidentId, {
      text: action.text,
      ownerRole: action.owner.roleId,
      ownerPerson: action.owner.person,
      dueDate: action.dueDate,
      createdAt: this.#now(),
      createdBy: actor.author,
      planChangeJson: action.planChange ? JSON.stringify(action.planChange) : null,
      planChangeState: action.planChange ? 'proposed' : null,
    });
    this.deps.log.system(workspaceId, {
      incidentId,
      code: 'retex.actionAdded',
      data: { person: actor.author, action: action.text, owner: action.owner.person, role: action.owner.roleId, due: action.dueDate },
    });
    return this.#changed(workspaceId, incidentId);
  }

  setDone(workspaceId: WorkspaceId, incidentId: string, actionId: number, done: boolean, actor: Actor): IncidentRetex {
    const repo = this.#repoOf(workspaceId);
    const action = this.#action(repo, incidentId, actionId);
    if ((action.doneAt !== null) === done) return this.get(workspaceId, incidentId);
    repo.setDone(actionId, done ? this.#now() : null, done ? actor.author : null);
    this.deps.log.system(workspaceId, { incidentId, code: done ? 'retex.actionDone' : 'retex.actionReopened', data: { person: actor.author, action: action.text } });
    return this.#changed(workspaceId, incidentId);
  }

  /** Ticking an item already ticked (or the reverse) changes nothing and logs nothing. */
  setFollowUp(workspaceId: WorkspaceId, incidentId: string, item: FollowUpItem, done: boolean, actor: Actor): IncidentRetex {
    this.#over(workspaceId, incidentId);
    const changed = this.#repoOf(workspaceId).setFollowUp(incidentId, item, done ? { at: this.#now(), by: actor.author } : null);
    if (!changed) return this.get(workspaceId, incidentId);
    const key = `retex.followUp.items.${item}`;
    this.deps.log.system(workspaceId, {
      incidentId,
      code: done ? 'retex.followUpDone' : 'retex.followUpReopened',
      data: { person: actor.author, itemFr: translator('fr')(key), itemEn: translator('en')(key) },
    });
    return this.#changed(workspaceId, incidentId);
  }

  /** Accepting writes the plan revision and marks the action in one transaction: both happen or neither. */
  decidePlanChange(workspaceId: WorkspaceId, incidentId: string, actionId: number, accept: boolean, actor: Actor): IncidentRetex {
    const repo = this.#repoOf(workspaceId);
    const action = this.#action(repo, incidentId, actionId);
    if (action.planChangeJson === null) throw failure('INVALID_INPUT', 'retex.failures.noPlanChange');
    if (action.planChangeState !== 'proposed') throw failure('CONFLICT', 'retex.failures.alreadyDecided');
    repo.atomically(() => {
      if (!accept) {
        repo.decide(actionId, 'rejected', null);
        this.deps.log.system(workspaceId, { incidentId, code: 'retex.planChangeRejected', data: { person: actor.author, action: action.text } });
        return;
      }
      const incident = this.deps.incident(workspaceId, incidentId);
      const change = planChangeSchema.parse(JSON.parse(action.planChangeJson!));
      const current = this.deps.plans.get(workspaceId);
      const next = applyPlanChange(current.plan, change, `retex-${actionId}`);
      const stored = this.deps.plans.amendFromLesson(workspaceId, current.revision, next, actor.author, {
        incidentId,
        incidentTitle: incident.title,
        actionId,
        action: action.text,
      });
      repo.decide(actionId, 'accepted', stored.revision);
      this.deps.log.system(workspaceId, {
        incidentId,
        code: 'retex.planChanged',
        data: { person: actor.author, action: action.text, revision: stored.revision },
      });
    });
    return this.#changed(workspaceId, incidentId);
  }

  /** Followed to now, closed or not: a crisis can be closed before its watches are back to normal. */
  #recovery(workspaceId: WorkspaceId, incident: IncidentDetail) {
    const startHour = Math.floor(Date.parse(incident.scope.start) / HOUR_MS);
    const nowHour = Math.floor(this.deps.clock.now().getTime() / HOUR_MS);
    const fromHour = startHour - BASELINE_DAYS * 24;
    const rollups = this.#rollups(this.deps.store.get(workspaceId));
    const byHour = new Map<number, HourCounts>();
    for (const watchId of incident.scope.watchIds) {
      for (const b of rollups.volumeByHours(watchId, 1, fromHour, nowHour)) {
        const sum = byHour.get(b.bucket) ?? { hour: b.bucket, count: 0, negative: 0, toned: 0 };
        byHour.set(b.bucket, { hour: b.bucket, count: sum.count + b.count, negative: sum.negative + b.negative, toned: sum.toned + b.negative + b.neutral + b.positive });
      }
    }
    return recoveryOf([...byHour.values()], startHour, nowHour);
  }

  #over(workspaceId: WorkspaceId, incidentId: string): void {
    const { status } = this.deps.incident(workspaceId, incidentId);
    if (!(RETEX_STATUSES as readonly string[]).includes(status)) throw failure('CONFLICT', 'retex.failures.notOver');
  }

  #action(repo: RetexRepository, incidentId: string, actionId: number): RetexActionRow {
    const action = repo.action(incidentId, actionId);
    if (!action) throw failure('NOT_FOUND', 'retex.failures.noAction', { id: actionId });
    return action;
  }

  #repoOf(workspaceId: WorkspaceId): RetexRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #changed(workspaceId: WorkspaceId, incidentId: string): IncidentRetex {
    this.deps.events.emit('lessons:changed', { workspaceId });
    return this.get(workspaceId, incidentId);
  }
}

function followUpOf(rows: readonly FollowUpRow[]) {
  return FOLLOW_UP_ITEMS.map((item) => {
    const row = rows.find((r) => r.item === item);
    return { item, doneAt: row?.doneAt ?? null, doneBy: row?.doneBy ?? null };
  });
}

function toAction(row: RetexActionRow): RetexAction {
  const change = row.planChangeJson === null ? null : planChangeSchema.safeParse(JSON.parse(row.planChangeJson));
  return {
    id: row.id,
    text: row.text,
    owner: actionOwnerSchema.parse({ roleId: row.ownerRole, person: row.ownerPerson }),
    dueDate: row.dueDate,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    doneAt: row.doneAt,
    doneBy: row.doneBy,
    planChange: change?.success ? change.data : null,
    planChangeState: row.planChangeState === null ? null : planChangeStateSchema.parse(row.planChangeState),
    planRevision: row.planRevision,
  };
}
