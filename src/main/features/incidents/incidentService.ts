// Incidents: open (by hand or from an alert), status and severity, roster handovers and duty, mobilisation
// with acknowledgements, checklist items, situation reports. Every change is also written to the crisis log.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/envelope';
import type { IncidentId } from '../../../shared/domain/crisisLog';
import type { Alert } from '../../../shared/domain/detection';
import {
  alertSnapshotSchema,
  openIncidentSchema,
  STATUS_MOVES,
  type Actor,
  type AlertIncidentProposal,
  type AlertSnapshot,
  type CellChange,
  type ChecklistStatus,
  type IncidentChecklistItem,
  type IncidentDetail,
  type IncidentScope,
  type IncidentStatus,
  type IncidentSummary,
  type Mobilisation,
  type OpenIncident,
  type RosterRole,
  type SituationReport,
} from '../../../shared/domain/incident';
import {
  durationToMinutes,
  type CrisisPlan,
  type LocalizedName,
  type LocalizedText,
  type Person,
  type Phase,
  type RoleId,
  type ScenarioKind,
  type Severity,
} from '../../../shared/domain/plan';
import type { WorkspaceId, WorkspaceSettings } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { IncidentRepository, type IncidentRow, type RoleRow } from './incidentRepository';
import { IncidentChangeRepository, type ChangeRow } from './incidentChangeRepository';
import { SharedIncidents } from './sharedIncidents/sharedIncidents';
import { openingOf, replayIncident } from './sharedIncidents/replayIncident';
import type { ChangeData, ChangeKind } from './sharedIncidents/incidentChange';
import type { CrisisLogService } from '../crisisLog';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { snapshotOf } from './alertSnapshot';
import { scenarioFromAlert } from './scenarioFromAlert';
import { seedFromPlan } from './seedFromPlan';
import { callsOfSamePerson, mobilisedPeople, roleNamesOf } from './mobilisedPeople';
import { assembleSituation } from './situationReport';
import { failure } from '../../platform/i18n/failure';

export interface IncidentDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'warn'>;
  readonly log: CrisisLogService;
  /** The workspace's current crisis plan. */
  readonly plan: (workspaceId: WorkspaceId) => CrisisPlan;
  readonly settings: (workspaceId: WorkspaceId) => WorkspaceSettings;
  /** Detection's alerts; absent in cores built without detection. */
  readonly alerts?: AlertSource;
}

export interface AlertSource {
  get(workspaceId: WorkspaceId, alertId: number): Alert;
  /** The first signal of the alert's episode: where the incident's period starts. */
  episodeStart(workspaceId: WorkspaceId, alertId: number): string;
  /** Opening an incident answers the alert: it is acknowledged, with the incident named as the reason. */
  acknowledge(workspaceId: WorkspaceId, alertId: number, note: string, by: string): void;
}

export interface OpenFromAlert {
  readonly alertId: number;
  readonly title?: string;
  readonly scenarioKind: ScenarioKind;
  readonly severity: Severity;
  readonly actor: Actor;
}

const MINUTE = 60_000;
/** A start a little ahead of this laptop's clock is another laptop's clock drift, not a future period. */
const CLOCK_SKEW_MS = 5 * MINUTE;

export interface ScopeChoice {
  readonly watchIds: readonly number[];
  readonly start: string;
}

export class IncidentService {
  readonly #repo = perWorkspace((ws) => new IncidentRepository(ws.db));
  readonly #changes = perWorkspace((ws) => new IncidentChangeRepository(ws.db));
  /** Incidents across the cell: what this laptop changes goes to the others, what they change comes back here. */
  readonly shared: SharedIncidents;

  constructor(private readonly deps: IncidentDeps) {
    this.shared = new SharedIncidents(
      {
        changes: (workspaceId) => this.#changes(this.deps.store.get(workspaceId)),
        opening: (workspaceId, incidentId) => openingOf(this.#repoOf(workspaceId), incidentId),
        takeIn: (workspaceId, rows) => this.#takeIn(workspaceId, rows),
      },
      () => deps.clock.now().getTime(),
      deps.logger,
    );
  }

  list(workspaceId: WorkspaceId): IncidentSummary[] {
    const repo = this.#repoOf(workspaceId);
    return repo.list().map((row) => toSummary(row, repo.scopeWatchIds(row.id)));
  }

  /** What the incident is about: the watches and period its report, exports, queue and archive read. */
  scope(workspaceId: WorkspaceId, incidentId: IncidentId): IncidentScope {
    const repo = this.#repoOf(workspaceId);
    return scopeOf(this.#incident(repo, incidentId), repo.scopeWatchIds(incidentId));
  }

  get(workspaceId: WorkspaceId, incidentId: IncidentId): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    const row = this.#incident(repo, incidentId);
    const summary = toSummary(row, repo.scopeWatchIds(incidentId));
    const roster = this.#roster(repo, incidentId);
    const checklist = repo.items(incidentId).map((i) => toItem(i, row.openedAt));
    const reports = repo.reports(incidentId).map((r) => JSON.parse(r.reportJson) as SituationReport);
    const hours = this.deps.settings(workspaceId).statusMeetingHours;
    const lastMeeting = reports[0]?.createdAt ?? row.activeAt ?? row.openedAt;
    return {
      ...summary,
      roster,
      mobilisation: this.#mobilisation(repo, incidentId),
      checklist,
      reports,
      nextMeetingAt: row.status === 'closed' ? null : new Date(Date.parse(lastMeeting) + hours * 3_600_000).toISOString(),
      ...this.#cellChanges(workspaceId, incidentId),
    };
  }

  open(workspaceId: WorkspaceId, input: OpenIncident): IncidentDetail {
    const spec = openIncidentSchema.parse(input);
    const repo = this.#repoOf(workspaceId);
    const now = this.#now();
    const id = randomUUID();
    const seed = seedFromPlan(this.deps.plan(workspaceId), spec.scenarioId, spec.scenarioKind);
    const alert = spec.alert ? alertSnapshotSchema.parse(spec.alert) : null;
    const scope = this.#openingScope(workspaceId, repo, alert, spec.scope, now);
    repo.atomically(() => {
      repo.insertIncident({
        id,
        title: spec.title,
        scenarioKind: spec.scenarioKind,
        scenarioId: seed.scenarioId,
        severity: spec.severity,
        status: spec.status,
        summary: spec.summary,
        openedAt: now,
        openedBy: spec.actor.author,
        alertId: alert?.alertId ?? null,
        alertSnapshotJson: alert ? JSON.stringify(alert) : null,
        activeAt: spec.status === 'active' ? now : null,
        stabilisedAt: null,
        closedAt: null,
        updatedAt: now,
        periodStart: scope.start,
        periodEnd: null,
      });
      repo.setScopeWatches(id, scope.watchIds);
      seed.roles.forEach((role, position) => {
        repo.insertRole({
          incidentId: id,
          roleId: role.id,
          position,
          nameJson: JSON.stringify(role.name),
          missionJson: JSON.stringify(role.mission),
          instructionsJson: JSON.stringify(role.instructions),
          deputiesJson: JSON.stringify(role.deputies),
          callsJson: JSON.stringify(role.calls),
          onDuty: 0,
          shiftStartedAt: null,
        });
        if (role.holder) repo.handOver(id, role.id, JSON.stringify(role.holder), now, null, '');
      });
      seed.playbook?.items.forEach((item, position) => {
        repo.insertItem({
          id: randomUUID(),
          incidentId: id,
          planItemId: item.id,
          position,
          phase: item.phase,
          textJson: JSON.stringify(item.text),
          ownerRole: item.ownerRole,
          deadlineMinutes: durationToMinutes(item.deadline),
          status: 'todo',
          doneBy: null,
          doneAt: null,
          note: '',
          updatedAt: now,
        });
      });
    });
    this.#share(workspaceId, id, 'opened', openingOf(repo, id)!, spec.actor.author, now);
    const code = alert ? 'incident.openedFromAlert' : 'incident.opened';
    this.#log(workspaceId, id, code, {
      title: spec.title,
      severity: spec.severity,
      scenario: spec.scenarioKind,
      alertId: alert?.alertId ?? '',
      by: spec.actor.author,
    });
    return this.#changed(workspaceId, id);
  }

  /** The incident the alert already has, or the plan's scenario its words point to. */
  proposeFromAlert(workspaceId: WorkspaceId, alertId: number): AlertIncidentProposal {
    if (!this.deps.alerts) throw failure('UNAVAILABLE', 'incidents.failures.alertsUnavailable');
    const alert = this.deps.alerts.get(workspaceId, alertId);
    const proposal = scenarioFromAlert(this.deps.plan(workspaceId), alert);
    return {
      alertId,
      incidentId: this.#repoOf(workspaceId).fromAlert(String(alertId), alert.openedAt) ?? null,
      scenarioId: proposal?.scenario.id ?? null,
      scenarioKind: proposal?.scenario.kind ?? null,
      because: proposal?.because ?? [],
    };
  }

  /**
   * The incident carries a frozen copy of the alert's why-card and sample mentions. An alert already answered by
   * an incident gets that incident back, not a second one (two people in the cell may act on the same alert).
   */
  openFromAlert(workspaceId: WorkspaceId, input: OpenFromAlert): IncidentDetail {
    if (!this.deps.alerts) throw failure('UNAVAILABLE', 'incidents.failures.alertsUnavailable');
    const alert = this.deps.alerts.get(workspaceId, input.alertId);
    const existing = this.#repoOf(workspaceId).fromAlert(String(alert.id), alert.openedAt);
    if (existing) return this.get(workspaceId, existing);
    const language = this.deps.settings(workspaceId).reportLanguage;
    const title = input.title?.trim() || `${alert.watchName} — ${alert.level}`;
    const detail = this.open(workspaceId, {
      title,
      scenarioKind: input.scenarioKind,
      severity: input.severity,
      status: 'active',
      alert: snapshotOf(alert, language),
      actor: input.actor,
    });
    if (alert.status === 'open') this.deps.alerts.acknowledge(workspaceId, alert.id, title, input.actor.author);
    return detail;
  }

  setStatus(workspaceId: WorkspaceId, incidentId: IncidentId, status: IncidentStatus, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    const row = this.#incident(repo, incidentId);
    const from = row.status as IncidentStatus;
    if (from === status) return this.get(workspaceId, incidentId);
    if (!STATUS_MOVES[from].includes(status)) {
      throw failure('CONFLICT', 'incidents.failures.statusMove', { from, to: status });
    }
    const at = this.#now();
    repo.setStatus(incidentId, status, at);
    this.#share(workspaceId, incidentId, 'status', { from, to: status }, actor.author, at);
    this.#log(workspaceId, incidentId, 'incident.status', { from, to: status, by: actor.author });
    return this.#changed(workspaceId, incidentId);
  }

  /** The cell corrects the watches and the start; the end stays the closing. Audited in the crisis log. */
  setScope(workspaceId: WorkspaceId, incidentId: IncidentId, choice: ScopeChoice, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    // The scope is editable up to closing; a closed incident's report is evidence.
    this.#open(repo, incidentId);
    const watches = this.#existingWatches(repo, choice.watchIds);
    const start = this.#validStart(choice.start);
    repo.atomically(() => {
      repo.setScopeWatches(incidentId, watches.map((w) => w.id));
      repo.setPeriodStart(incidentId, start, this.#now());
    });
    this.#log(workspaceId, incidentId, 'incident.scope', {
      watches: watches.map((w) => w.name).join(', '),
      watchIds: watches.map((w) => w.id).join(','),
      start,
      by: actor.author,
    });
    return this.#changed(workspaceId, incidentId);
  }

  setSeverity(workspaceId: WorkspaceId, incidentId: IncidentId, severity: Severity, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    const row = this.#incident(repo, incidentId);
    if (row.severity === severity) return this.get(workspaceId, incidentId);
    const at = this.#now();
    repo.setSeverity(incidentId, severity, at);
    this.#share(workspaceId, incidentId, 'severity', { from: row.severity as Severity, to: severity }, actor.author, at);
    this.#log(workspaceId, incidentId, 'incident.severity', { from: row.severity, to: severity, by: actor.author });
    return this.#changed(workspaceId, incidentId);
  }

  /** The outgoing holder's period ends and the new one's starts at the same instant; both stay in history. */
  handover(workspaceId: WorkspaceId, incidentId: IncidentId, roleId: RoleId, to: Person, note: string, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    this.#open(repo, incidentId);
    const role = this.#role(repo, incidentId, roleId);
    const previous = this.#roster(repo, incidentId).find((r) => r.roleId === roleId)?.holder ?? null;
    const now = this.#now();
    repo.atomically(() => {
      repo.handOver(incidentId, roleId, JSON.stringify(to), now, actor.author, note);
      repo.setDuty(incidentId, roleId, true, now);
    });
    this.#share(workspaceId, incidentId, 'handover', { roleId, personJson: JSON.stringify(to), note }, actor.author, now);
    const name = JSON.parse(role.nameJson) as LocalizedName;
    this.#log(workspaceId, incidentId, 'role.handover', {
      role: roleId,
      roleName: name,
      from: previous?.name ?? '—',
      to: to.name,
      by: actor.author,
      note,
    });
    return this.#changed(workspaceId, incidentId);
  }

  setDuty(workspaceId: WorkspaceId, incidentId: IncidentId, roleId: RoleId, onDuty: boolean, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    this.#open(repo, incidentId);
    const role = this.#role(repo, incidentId, roleId);
    if ((role.onDuty === 1) === onDuty) return this.get(workspaceId, incidentId);
    repo.setDuty(incidentId, roleId, onDuty, onDuty ? this.#now() : role.shiftStartedAt);
    const holder = this.#roster(repo, incidentId).find((r) => r.roleId === roleId)?.holder;
    this.#log(workspaceId, incidentId, 'role.duty', {
      role: roleId,
      roleName: JSON.parse(role.nameJson) as LocalizedName,
      person: holder?.name ?? '—',
      state: onDuty ? 'onDuty' : 'offDuty',
      by: actor.author,
    });
    return this.#changed(workspaceId, incidentId);
  }

  /** One action alerts every role holder: each call keeps its alert time until the person acknowledges. */
  mobilise(workspaceId: WorkspaceId, incidentId: IncidentId, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    this.#open(repo, incidentId);
    const now = this.#now();
    const mobilisationId = randomUUID();
    const calls = this.#roster(repo, incidentId)
      .filter((r): r is RosterRole & { holder: Person } => r.holder !== null)
      .map((r) => ({
        mobilisationId,
        roleId: r.roleId,
        personId: r.holder.id ?? null,
        personName: r.holder.name,
        phone: r.holder.phone,
        alertedAt: now,
        acknowledgedAt: null,
      }));
    repo.atomically(() => repo.insertMobilisation({ id: mobilisationId, incidentId, startedAt: now, startedBy: actor.author }, calls));
    this.#log(workspaceId, incidentId, 'mobilisation.started', { count: mobilisedPeople(calls).length, by: actor.author });
    this.deps.events.emit('incidents:mobilised', { workspaceId, incidentId, mobilisationId });
    return this.#changed(workspaceId, incidentId);
  }

  acknowledge(workspaceId: WorkspaceId, incidentId: IncidentId, roleId: RoleId, actor: Actor): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    this.#incident(repo, incidentId);
    const mobilisation = repo.latestMobilisation(incidentId);
    if (!mobilisation) throw failure('CONFLICT', 'incidents.failures.notMobilised');
    const calls = repo.calls(mobilisation.id);
    const call = calls.find((c) => c.roleId === roleId);
    if (!call) throw failure('NOT_FOUND', 'incidents.failures.nobodyAlerted');
    const now = this.#now();
    // The person answers for every role they were called for.
    const answered = repo.atomically(() =>
      callsOfSamePerson(calls, call).filter((c) => {
        const recorded = repo.acknowledge(mobilisation.id, c.roleId, now);
        if (recorded) repo.setDuty(incidentId, c.roleId as RoleId, true, now);
        return recorded;
      }),
    );
    if (answered.length > 0) {
      const names = answered.map((c) => JSON.parse(this.#role(repo, incidentId, c.roleId as RoleId).nameJson) as LocalizedName);
      this.#log(workspaceId, incidentId, 'mobilisation.acknowledged', {
        role: answered.map((c) => c.roleId).join(','),
        roleName: roleNamesOf(names),
        person: call.personName,
        minutes: Math.round((Date.parse(now) - Date.parse(call.alertedAt)) / MINUTE),
        by: actor.author,
      });
    }
    return this.#changed(workspaceId, incidentId);
  }

  setChecklistItem(
    workspaceId: WorkspaceId,
    incidentId: IncidentId,
    itemId: string,
    status: ChecklistStatus,
    note: string | undefined,
    actor: Actor,
  ): IncidentDetail {
    const repo = this.#repoOf(workspaceId);
    this.#incident(repo, incidentId);
    const item = repo.item(incidentId, itemId);
    if (!item) throw failure('NOT_FOUND', 'incidents.failures.noChecklistItem');
    const now = this.#now();
    const finished = status === 'done' || status === 'skipped';
    const wasFinished = item.status === 'done' || item.status === 'skipped';
    const state = {
      status,
      // Who closed the item and when is kept while it stays closed; reopening clears it.
      doneBy: finished ? (wasFinished ? item.doneBy : actor.author) : null,
      doneAt: finished ? (wasFinished ? item.doneAt : now) : null,
      note: note ?? item.note,
    };
    repo.updateItem({ id: itemId, ...state, updatedAt: now });
    this.#share(workspaceId, incidentId, 'checklist', { itemId, ...state }, actor.author, now);
    if (status !== item.status) {
      const text = JSON.parse(item.textJson) as LocalizedText;
      this.#log(workspaceId, incidentId, 'checklist.status', { item: text, status, by: actor.author, note: note ?? '' });
    }
    return this.#changed(workspaceId, incidentId);
  }

  situationReport(workspaceId: WorkspaceId, incidentId: IncidentId, actor: Actor): SituationReport {
    const repo = this.#repoOf(workspaceId);
    const detail = this.get(workspaceId, incidentId);
    const now = this.#now();
    const since = detail.reports[0]?.createdAt ?? detail.openedAt;
    const log = this.deps.log.list(workspaceId, { incidentId, limit: 2000 });
    const sections = assembleSituation({ ...detail, incident: detail, log, since, now });
    const integrity = this.deps.log.verify(workspaceId);
    const report: SituationReport = {
      id: randomUUID(),
      createdAt: now,
      createdBy: actor.author,
      ...sections,
      logHeadHash: integrity.headHash,
      logIntact: integrity.ok,
    };
    repo.insertReport({ id: report.id, incidentId, createdAt: now, createdBy: actor.author, reportJson: JSON.stringify(report) });
    this.#log(workspaceId, incidentId, 'situation.report', {
      conditions: report.conditions.length,
      actions: report.actions.length,
      needs: report.needs.length,
      reportId: report.id,
      by: actor.author,
    });
    this.#changed(workspaceId, incidentId);
    return report;
  }

  /**
   * Opened from an alert: the alert's watch, from the first signal of its episode. By hand: the watches and start
   * the cell chose, else every active watch from now.
   */
  #openingScope(
    workspaceId: WorkspaceId,
    repo: IncidentRepository,
    alert: AlertSnapshot | null,
    choice: { watchIds?: number[]; start?: string } | undefined,
    now: string,
  ): { watchIds: number[]; start: string } {
    const alertWatch = alert?.watchId !== undefined && repo.watches([alert.watchId]).length === 1 ? [alert.watchId] : null;
    const watchIds = choice?.watchIds
      ? this.#existingWatches(repo, choice.watchIds).map((w) => w.id)
      : (alertWatch ?? repo.activeWatchIds());
    const start = choice?.start ? this.#validStart(choice.start) : (alert ? this.#alertStart(workspaceId, alert) : null) ?? now;
    return { watchIds, start };
  }

  #alertStart(workspaceId: WorkspaceId, alert: AlertSnapshot): string | null {
    const alertId = Number(alert.alertId);
    if (this.deps.alerts && Number.isSafeInteger(alertId) && alertId > 0) {
      try {
        return this.deps.alerts.episodeStart(workspaceId, alertId);
      } catch (error) {
        if (!(error instanceof AppFailure && error.code === 'NOT_FOUND')) throw error;
      }
    }
    return alert.raisedAt ? new Date(alert.raisedAt).toISOString() : null;
  }

  #existingWatches(repo: IncidentRepository, ids: readonly number[]): { id: number; name: string }[] {
    const unique = [...new Set(ids)];
    const found = repo.watches(unique);
    if (found.length !== unique.length) {
      const missing = unique.filter((id) => !found.some((w) => w.id === id));
      throw failure('INVALID_INPUT', 'incidents.failures.noWatches', { count: missing.length, ids: missing.join(', ') }, [{ path: 'watchIds', message: 'unknownWatch' }]);
    }
    return found;
  }

  /** A period cannot start in the future. */
  #validStart(start: string): string {
    const at = Date.parse(start);
    if (Number.isNaN(at)) throw failure('INVALID_INPUT', 'incidents.failures.startNotADate', undefined, [{ path: 'start', message: 'invalidDate' }]);
    if (at > this.deps.clock.now().getTime() + CLOCK_SKEW_MS) {
      throw failure('INVALID_INPUT', 'incidents.failures.startInFuture', undefined, [{ path: 'start', message: 'future' }]);
    }
    return new Date(at).toISOString();
  }

  #cellChanges(workspaceId: WorkspaceId, incidentId: IncidentId): { cellChanges?: CellChange[] } {
    const rows = this.#changes(this.deps.store.get(workspaceId)).ofIncident(incidentId);
    return rows.length === 0 ? {} : { cellChanges: rows.map(toCellChange) };
  }

  #share<K extends ChangeKind>(workspaceId: WorkspaceId, incidentId: IncidentId, kind: K, data: ChangeData[K], by: string, at: string): void {
    this.shared.record(workspaceId, incidentId, { kind, data }, by, at);
  }

  /**
   * Changes received from the cell: kept, forged ones too (marked), and each incident they touch replayed from its
   * opening in clock order. The genuine ones are then written to this laptop's crisis log, once each.
   */
  #takeIn(workspaceId: WorkspaceId, rows: readonly ChangeRow[]): void {
    const repo = this.#repoOf(workspaceId);
    const changes = this.#changes(this.deps.store.get(workspaceId));
    const touched = repo.atomically(() => {
      const fresh = new Set(rows.filter((row) => changes.insert(row) && row.genuine === 1).map((row) => row.id));
      const out = new Map<string, { replayed: ReturnType<typeof replayIncident>; rows: ChangeRow[] }>();
      for (const incidentId of new Set(rows.map((row) => row.incidentId))) {
        const genuine = changes.ofIncident(incidentId).filter((row) => row.genuine === 1);
        // An incident new here was waiting for its opening: its changes kept meanwhile are news too.
        const news = repo.get(incidentId) ? fresh : new Set(genuine.map((row) => row.id));
        // One incident the read model refuses (a member's laptop on another version…) holds up none of the others.
        try {
          const replayed = repo.atomically(() => replayIncident(repo, incidentId, genuine, news));
          out.set(incidentId, { replayed, rows: replayed ? genuine.filter((row) => news.has(row.id)) : [] });
        } catch (error) {
          this.deps.logger.warn('incidents: cell changes not replayed', { workspaceId, incidentId, error: String(error) });
        }
      }
      return out;
    });
    for (const [incidentId, { replayed, rows: taken }] of touched) {
      if (!replayed) continue;
      for (const row of taken) this.#logReceived(workspaceId, repo, row, replayed.previousHolder.get(row.id));
      this.deps.events.emit('incidents:changed', { workspaceId, incidentId });
    }
  }

  /** The crisis log entry the change's own laptop wrote, written here in this laptop's words, naming the laptop's member. */
  #logReceived(workspaceId: WorkspaceId, repo: IncidentRepository, row: ChangeRow, previousHolder: string | undefined): void {
    const by = row.memberName ? `${row.by} (${row.memberName})` : row.by;
    const data = JSON.parse(row.dataJson) as ChangeData[ChangeKind];
    const incidentId = row.incidentId;
    switch (row.kind) {
      case 'opened': {
        const o = data as ChangeData['opened'];
        this.#log(workspaceId, incidentId, 'incident.opened', { title: o.title, severity: o.severity, scenario: o.scenarioKind, alertId: '', by });
        return;
      }
      case 'status':
      case 'severity': {
        const d = data as ChangeData['status'] | ChangeData['severity'];
        this.#log(workspaceId, incidentId, `incident.${row.kind}`, { from: d.from, to: d.to, by });
        return;
      }
      case 'handover': {
        const d = data as ChangeData['handover'];
        const role = repo.role(incidentId, d.roleId);
        if (!role) return;
        const to = JSON.parse(d.personJson) as Person;
        this.#log(workspaceId, incidentId, 'role.handover', { role: d.roleId, roleName: JSON.parse(role.nameJson) as LocalizedName, from: previousHolder ?? '—', to: to.name, by, note: d.note });
        return;
      }
      case 'checklist': {
        const d = data as ChangeData['checklist'];
        const item = repo.item(incidentId, d.itemId);
        if (!item) return;
        this.#log(workspaceId, incidentId, 'checklist.status', { item: JSON.parse(item.textJson) as LocalizedText, status: d.status, by, note: d.note });
        return;
      }
    }
  }

  #repoOf(workspaceId: WorkspaceId): IncidentRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #incident(repo: IncidentRepository, incidentId: IncidentId): IncidentRow {
    const row = repo.get(incidentId);
    if (!row) throw failure('NOT_FOUND', 'incidents.failures.noIncident');
    return row;
  }

  /** Roster, mobilisation and scope changes are refused on a closed incident: its record is final. */
  #open(repo: IncidentRepository, incidentId: IncidentId): IncidentRow {
    const row = this.#incident(repo, incidentId);
    if (row.status === 'closed') throw failure('CONFLICT', 'incidents.failures.closed');
    return row;
  }

  #role(repo: IncidentRepository, incidentId: IncidentId, roleId: RoleId): RoleRow {
    const role = repo.role(incidentId, roleId);
    if (!role) throw failure('NOT_FOUND', 'incidents.failures.roleNotOnRoster');
    return role;
  }

  #roster(repo: IncidentRepository, incidentId: IncidentId): RosterRole[] {
    const holders = repo.holders(incidentId);
    return repo.roles(incidentId).map((r) => {
      const history = holders
        .filter((h) => h.roleId === r.roleId)
        .map((h) => ({
          person: JSON.parse(h.personJson) as Person,
          fromAt: h.fromAt,
          untilAt: h.untilAt,
          handedOverBy: h.handedOverBy,
          note: h.note,
        }));
      return {
        roleId: r.roleId as RoleId,
        name: JSON.parse(r.nameJson) as LocalizedName,
        mission: JSON.parse(r.missionJson) as LocalizedText,
        instructions: JSON.parse(r.instructionsJson) as LocalizedText[],
        holder: history.find((h) => h.untilAt === null)?.person ?? null,
        deputies: JSON.parse(r.deputiesJson) as Person[],
        calls: JSON.parse(r.callsJson) as RoleId[],
        onDuty: r.onDuty === 1,
        shiftStartedAt: r.shiftStartedAt,
        history,
      };
    });
  }

  #mobilisation(repo: IncidentRepository, incidentId: IncidentId): Mobilisation | null {
    const m = repo.latestMobilisation(incidentId);
    if (!m) return null;
    const calls = repo.calls(m.id);
    return {
      id: m.id,
      startedAt: m.startedAt,
      startedBy: m.startedBy,
      people: mobilisedPeople(calls),
      calls: calls.map((c) => ({
        roleId: c.roleId as RoleId,
        personId: c.personId,
        personName: c.personName,
        phone: c.phone,
        alertedAt: c.alertedAt,
        acknowledgedAt: c.acknowledgedAt,
      })),
    };
  }

  /**
   * Writes a system entry; the crisis log words it in the report language from its code. Localised values
   * ({fr, en}) are kept as `<key>Fr` / `<key>En` so every reader gets them in their own language.
   */
  #log(
    workspaceId: WorkspaceId,
    incidentId: IncidentId,
    code: string,
    data: Record<string, string | number | LocalizedText>,
  ): void {
    const flat: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'object') {
        flat[`${key}Fr`] = value.fr;
        flat[`${key}En`] = value.en;
      } else {
        flat[key] = value;
      }
    }
    this.deps.log.system(workspaceId, { incidentId, code, data: flat });
  }

  #changed(workspaceId: WorkspaceId, incidentId: IncidentId): IncidentDetail {
    this.deps.events.emit('incidents:changed', { workspaceId, incidentId });
    return this.get(workspaceId, incidentId);
  }
}

/** A forged change's data is whatever its forger wrote: only a short text of it is shown, and only as text. */
function toCellChange(row: ChangeRow): CellChange {
  let to: unknown = null;
  try {
    const data = JSON.parse(row.dataJson) as Record<string, unknown>;
    to = row.kind === 'handover' ? (JSON.parse(String(data.personJson)) as { name?: unknown }).name : row.kind === 'opened' ? data.status : (data.to ?? data.status);
  } catch {
    to = null;
  }
  return {
    id: row.id,
    kind: row.kind as CellChange['kind'],
    at: row.at,
    by: row.by,
    memberName: row.memberName,
    deviceId: row.deviceId,
    to: typeof to === 'string' ? to.slice(0, 200) : null,
    genuine: row.genuine === 1,
  };
}

function scopeOf(row: IncidentRow, watchIds: number[]): IncidentScope {
  return { watchIds, start: row.periodStart ?? row.openedAt, end: row.periodEnd ?? row.closedAt };
}

function toSummary(row: IncidentRow, watchIds: number[]): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    scenarioKind: row.scenarioKind as ScenarioKind,
    scenarioId: row.scenarioId,
    severity: row.severity as Severity,
    status: row.status as IncidentStatus,
    summary: row.summary,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    activeAt: row.activeAt,
    stabilisedAt: row.stabilisedAt,
    closedAt: row.closedAt,
    alert: row.alertSnapshotJson ? alertSnapshotSchema.parse(JSON.parse(row.alertSnapshotJson)) : null,
    scope: scopeOf(row, watchIds),
  };
}

function toItem(row: { id: string; planItemId: string | null; phase: string; textJson: string; ownerRole: string; deadlineMinutes: number; status: string; doneBy: string | null; doneAt: string | null; note: string }, openedAt: string): IncidentChecklistItem {
  return {
    id: row.id,
    planItemId: row.planItemId,
    phase: row.phase as Phase,
    text: JSON.parse(row.textJson) as LocalizedText,
    ownerRole: row.ownerRole as RoleId,
    deadlineMinutes: row.deadlineMinutes,
    dueAt: new Date(Date.parse(openedAt) + row.deadlineMinutes * MINUTE).toISOString(),
    status: row.status as ChecklistStatus,
    doneBy: row.doneBy,
    doneAt: row.doneAt,
    note: row.note,
  };
}
