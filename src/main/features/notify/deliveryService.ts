// Alerts outside the app. A mobilisation made on this laptop queues its first wave as it happens (`takeUp`); a pass
// (`tick`, run by the scheduler on the platform clock) queues the escalation steps that fell due for roles nobody
// acknowledged, then sends what is due.
//
// Never twice, never lost: each message is a row whose dedupe key (mobilisation, role, step, channel) is unique, so
// queuing is idempotent across passes and restarts. A row is marked `sending` (committed) before any byte goes out
// and `sent` after the server accepted it. A row still `sending` at start-up is one a crash cut short: it may or may
// not have gone out, and nothing can tell (SMTP has no way to ask). It is sent again with the same identity, the
// Message-ID for e-mail and the Idempotency-Key for gateways, so the relay, the gateway or the mail client can
// recognise the same message; the crisis log and the status say it was resent. A missed alert costs more than a
// duplicate one that carries the same identifier.
//
// An exercise workspace sends through its own channels under its own outbound policy (sealed mode, allow-list), never
// the live ones, and only to its own test destinations, every word marked EXERCICE/EXERCISE; without channels or
// test destinations it sends nothing and says why.
// Regulatory reminders go through the same queue to the obligation's owner and the crisis lead: the clocks hand each
// over (`remind`) inside the transaction that records it as given.
import { randomUUID } from 'node:crypto';
import { healthMessage, parseHealthMessage, type HealthMessage } from '../../../shared/domain/healthMessage';
import type { IncidentId } from '../../../shared/domain/crisisLog';
import type { Actor, IncidentDetail } from '../../../shared/domain/incident';
import {
  gatewaySettingsSchema,
  NOTIFY_CHANNELS,
  notifySettingsSchema,
  smtpSettingsSchema,
  type DeliveryMessage,
  type DeliveryStage,
  type DeliveryView,
  type EscalationStage,
  type GatewaySettings,
  type NotifyChannel,
  type NotifySettings,
  type NotifySettingsView,
  type ReachedBy,
  type SmtpSettings,
  type TestDestinations,
  type TestResult,
} from '../../../shared/domain/notify';
import type { CrisisPlan, LocalizedText, Person, RoleId } from '../../../shared/domain/plan';
import { type Language, type WorkspaceId } from '../../../shared/domain/workspace';
import { healthEn, healthFr } from '../../../shared/i18n/health';
import { notifyEn, notifyFr } from '../../../shared/i18n/notify';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { EventPayload } from '../../../shared/contract/index';
import { failure } from '../../platform/i18n/failure';
import type { Logger } from '../../platform/logger';
import type { NetworkPolicy } from '../../platform/net/networkPolicy';
import { retryDelayMs, type BackoffPolicy } from '../../platform/net/retryBackoff';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import { roleNamesOf, type IncidentService } from '../incidents';
import { alertMessage, markedAsExercise, reminderMessage, testMessage, type AlertText } from './alertMessage';
import { DeliveryError } from './deliveryError';
import { dueSteps, levelOf, recipientOf, type AlertLevel } from './escalationSteps';
import { destinationsOf, destinationRows, testRouteFor } from './testDestinations';
import { sendThroughGateway } from './gatewaySender';
import { NotifyRepository, type MessageRow, type MobilisationRow } from './notifyRepository';
import type { MobilisationDraft, MobilisationHost, ReceivedAcknowledgement } from './sharedMobilisation/sharedMobilisation';
import { sendMail } from './smtpSender';

export interface NotifyTuning {
  readonly requestTimeoutMs: number;
  readonly backoff: BackoffPolicy;
  /** Attempts on one channel before the message is failed and the person's next channel is tried. */
  readonly maxAttempts: number;
  /** How long a message held by sealed mode or the allow-list waits before the policy is asked again. */
  readonly heldRetryMs: number;
  /** Messages sent side by side in one pass. */
  readonly batch: number;
  readonly random: () => number;
}

export const DEFAULT_NOTIFY_TUNING: NotifyTuning = {
  requestTimeoutMs: 20_000,
  backoff: { baseMs: 30_000, maxMs: 15 * 60_000 },
  maxAttempts: 6,
  heldRetryMs: 60_000,
  batch: 8,
  random: Math.random,
};

export interface NotifyDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly log: CrisisLogService;
  readonly network: NetworkPolicy;
  readonly incidents: IncidentService;
  readonly plan: (workspaceId: WorkspaceId) => CrisisPlan;
  /**
   * Minutes gone by since a real instant, on the workspace's own clock: an exercise escalates in game time. Real
   * minutes when not given.
   */
  readonly minutesSince?: (workspaceId: WorkspaceId, realIso: string) => number;
  readonly tuning?: Partial<NotifyTuning>;
  /** Shares a mobilisation made on this laptop with the cell (nothing when the workspace is in no cell). */
  readonly publish?: (workspaceId: WorkspaceId, draft: MobilisationDraft) => void;
}

const MINUTE = 60_000;

type ReminderEvent = EventPayload<'clocks:reminder'>;
const CHANNEL_NAMES = { en: notifyEn.channels, fr: notifyFr.channels };
const STAGE_NAMES = { en: notifyEn.stages, fr: notifyFr.stages };

export class DeliveryService implements MobilisationHost {
  readonly #repo = perWorkspace((ws) => new NotifyRepository(ws.db));
  readonly #tuning: NotifyTuning;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: NotifyDeps) {
    this.#tuning = { ...DEFAULT_NOTIFY_TUNING, ...deps.tuning };
  }

  /** One pass over every live workspace; passes never overlap, so a row is never claimed by two of them. */
  tick(): Promise<void> {
    const pass = this.#chain.then(() => this.#pass());
    this.#chain = pass.catch((error: unknown) => this.deps.logger.error('notify pass failed', { error: String(error) }));
    return pass;
  }

  /** Rows a crash left `sending` go back to the queue, to be sent again under the same identity. */
  recoverInterrupted(): void {
    for (const id of this.#sendingIds()) {
      const repo = this.#repoOf(id);
      const interrupted = repo.interrupted();
      if (interrupted.length === 0) continue;
      repo.requeueInterrupted(this.#now(), JSON.stringify(healthMessage('interruptedResend')));
      for (const row of interrupted) this.#logMessage(id, repo.get(row.id)!, 'notify.resent');
    }
  }

  /** When the next queued message falls due, for the scheduler's sleep. */
  nextDue(): number | null {
    let next: number | null = null;
    for (const id of this.#sendingIds()) {
      const due = this.#repoOf(id).nextDue();
      if (due !== null) next = Math.min(next ?? Infinity, Date.parse(due));
    }
    return next;
  }

  settings(workspaceId: WorkspaceId): NotifySettingsView {
    const s = this.#settingsOf(workspaceId);
    const gateway = (g: GatewaySettings | null) => {
      if (!g) return null;
      const { hmac, ...rest } = g;
      return { ...rest, hmacHeader: hmac?.header ?? null };
    };
    const email = s.email ? (({ password, ...rest }) => ({ ...rest, passwordSet: password !== '' }))(s.email) : null;
    return { email, sms: gateway(s.sms), messenger: gateway(s.messenger) };
  }

  /** Saves the channels; a blank password or HMAC secret keeps the stored one, as screens never get them back. */
  setSettings(workspaceId: WorkspaceId, input: NotifySettings): NotifySettingsView {
    const next = notifySettingsSchema.parse(input);
    const stored = this.#settingsOf(workspaceId);
    if (next.email && next.email.password === '' && stored.email) next.email = { ...next.email, password: stored.email.password };
    for (const channel of ['sms', 'messenger'] as const) {
      const hmac = next[channel]?.hmac;
      const kept = stored[channel]?.hmac;
      if (next[channel] && hmac && hmac.secret === '' && kept) next[channel] = { ...next[channel], hmac: { ...hmac, secret: kept.secret } };
      if (next[channel]) gatewayUrl(next[channel]);
    }
    const repo = this.#repoOf(workspaceId);
    const now = this.#now();
    repo.atomically(() => {
      for (const channel of NOTIFY_CHANNELS) repo.setSetting(channel, next[channel] ? JSON.stringify(next[channel]) : null, now);
    });
    return this.settings(workspaceId);
  }

  /** The channels' hosts the allow-list lets through (sealed mode still blocks them all). */
  allowedOrigins(workspaceId: WorkspaceId): { origin: string; reason: string; localNetwork?: true }[] {
    const s = this.#settingsOf(workspaceId);
    const out: { origin: string; reason: string; localNetwork?: true }[] = [];
    if (s.email) out.push({ origin: smtpUrl(s.email).toString(), reason: 'notify: e-mail', ...(s.email.localNetwork ? { localNetwork: true as const } : {}) });
    for (const channel of ['sms', 'messenger'] as const) {
      const g = s[channel];
      const url = g ? safeGatewayUrl(g) : null;
      if (g && url) out.push({ origin: url.origin, reason: `notify: ${channel}`, ...(g.localNetwork ? { localNetwork: true as const } : {}) });
    }
    return out;
  }

  /** Sends one test message now, outside the queue: the answer is the relay's or the gateway's. */
  async sendTest(workspaceId: WorkspaceId, channel: NotifyChannel, to: string, language: 'fr' | 'en'): Promise<TestResult> {
    const settings = this.#settingsOf(workspaceId);
    const text = testMessage(language);
    const id = randomUUID();
    try {
      await this.#send(workspaceId, settings, channel, { id, messageId: messageIdOf(id), address: to, subject: text.subject, body: text.text, values: text.values, date: this.deps.clock.now() });
      return { ok: true, reason: null };
    } catch (error) {
      if (error instanceof DeliveryError) return { ok: false, reason: error.health };
      throw error;
    }
  }

  testDestinations(workspaceId: WorkspaceId): TestDestinations {
    this.#requireExercise(workspaceId);
    return destinationsOf(this.#repoOf(workspaceId).testDestinations());
  }

  setTestDestinations(workspaceId: WorkspaceId, destinations: TestDestinations): TestDestinations {
    this.#requireExercise(workspaceId);
    const repo = this.#repoOf(workspaceId);
    const now = this.#now();
    repo.atomically(() => repo.replaceTestDestinations(destinationRows(destinations), now));
    return this.testDestinations(workspaceId);
  }

  #requireExercise(workspaceId: WorkspaceId): void {
    if (!this.#isExercise(workspaceId)) throw failure('FORBIDDEN', 'notify.failures.liveDestinations');
  }

  /**
   * A reminder of a regulatory deadline, for the holder of the role that answers for it and for the crisis lead.
   * Its dedupe key names the clock, the step and the fraction, so a reminder heard again after a restart queues
   * nothing new.
   */
  remind(reminder: ReminderEvent): void {
    const { workspaceId } = reminder;
    const detail = this.deps.incidents.get(workspaceId, reminder.incidentId);
    const plan = this.deps.plan(workspaceId);
    const reached = new Set<string>();
    const queued: MessageRow[] = [];
    for (const roleId of [reminder.ownerRole, 'crisisLead' as RoleId]) {
      const role = detail.roster.find((r) => r.roleId === roleId);
      const person = role?.holder;
      if (!role || !person || reached.has(person.name)) continue;
      reached.add(person.name);
      const words = (language: Language) =>
        reminderMessage(
          {
            title: detail.title,
            obligation: reminder.obligation,
            step: reminder.step,
            roleName: detail.roster.find((r) => r.roleId === reminder.ownerRole)?.name ?? role.name,
            percent: Math.round(reminder.fraction * 100),
            dueAt: new Date(reminder.dueAt),
            timeZone: plan.regulatory.timeZone,
          },
          language,
        );
      const key = `reminder:${reminder.clockId}:${reminder.stepId}:${reminder.fraction}:${roleId}`;
      queued.push(...this.#repoOf(workspaceId).atomically(() => this.#enqueue(workspaceId, { key, incidentId: detail.id, mobilisationId: null, roleId, stage: 'reminder', person, words })));
    }
    this.#logQueued(workspaceId, queued);
    if (queued.length) this.#changed(workspaceId, detail.id);
  }

  deliveries(workspaceId: WorkspaceId, incidentId: IncidentId): DeliveryView {
    this.deps.incidents.get(workspaceId, incidentId);
    const sealed = this.deps.network.view(workspaceId).sealed;
    const repo = this.#repoOf(workspaceId);
    return {
      blocked: sealed ? healthMessage('sealed') : null,
      messages: repo.forIncident(incidentId).map(toDelivery),
      laptopAcknowledgements: repo.laptopAcknowledgements(incidentId).map(({ signature: _s, incidentId: _i, receivedAt: _r, genuine, ...ack }) => ({ ...ack, genuine: genuine === 1 })),
    };
  }

  /** A coordinator reached someone (by phone, in person…): the roster's acknowledgement, with how, in the log. */
  acknowledge(workspaceId: WorkspaceId, incidentId: IncidentId, roleId: RoleId, reachedBy: ReachedBy, actor: Actor): DeliveryView {
    const before = this.deps.incidents.get(workspaceId, incidentId);
    const already = before.mobilisation?.calls.find((c) => c.roleId === roleId)?.acknowledgedAt;
    const detail = this.deps.incidents.acknowledge(workspaceId, incidentId, roleId, actor);
    const call = detail.mobilisation?.calls.find((c) => c.roleId === roleId);
    const role = detail.roster.find((r) => r.roleId === roleId);
    if (!already && call && role) {
      this.#log(workspaceId, incidentId, 'notify.acknowledged', {
        person: call.personName,
        roleName: role.name,
        reachedBy: { fr: notifyFr.reachedBy[reachedBy], en: notifyEn.reachedBy[reachedBy] },
        by: actor.author,
      });
    }
    this.#changed(workspaceId, incidentId);
    return this.deliveries(workspaceId, incidentId);
  }

  async #pass(): Promise<void> {
    for (const id of this.#sendingIds()) {
      this.#escalate(id);
      await this.#sendDue(id);
    }
  }

  /**
   * A mobilisation made on this laptop now starts its first wave. Only those: an incident imported from an archive,
   * restored from a backup or received from another laptop carries mobilisations that must never message anyone.
   */
  takeUp(workspaceId: WorkspaceId, incidentId: string, mobilisationId: string): void {
    const repo = this.#repoOf(workspaceId);
    const detail = this.deps.incidents.get(workspaceId, incidentId);
    const m = detail.mobilisation;
    if (detail.status === 'closed' || !m || m.id !== mobilisationId || repo.mobilisation(m.id)) return;
    const level = levelOf(detail.alert?.level, detail.severity);
    const row: MobilisationRow = { mobilisationId: m.id, incidentId: detail.id, level, startedAt: m.startedAt };
    const plan = this.deps.plan(workspaceId);
    const taken = repo.atomically(() => {
      if (!repo.insertMobilisation(row)) return null;
      return byRecipient('first', plan.escalation.levels[level].first, detail.roster).flatMap((roleIds) => this.#queue(workspaceId, row, detail, plan, roleIds, 'first', 0));
    });
    if (!taken) return;
    this.#logQueued(workspaceId, taken);
    if (taken.length) this.#changed(workspaceId, detail.id);
    this.deps.publish?.(workspaceId, draftOf(detail, level));
  }

  /** The mobilisations this laptop drives now, for the cell: each open incident's latest, if made here. */
  drafts(workspaceId: WorkspaceId): MobilisationDraft[] {
    const repo = this.#repoOf(workspaceId);
    return repo.mobilisations().flatMap((m) => {
      const detail = this.deps.incidents.get(workspaceId, m.incidentId);
      if (detail.status === 'closed' || detail.mobilisation?.id !== m.mobilisationId) return [];
      return [draftOf(detail, m.level as AlertLevel)];
    });
  }

  /**
   * An acknowledgement of a mobilisation made here, from a member's laptop. A genuine one acknowledges the call,
   * which stops its escalation; one whose signature does not hold, or from a laptop that does not answer for that
   * person, is kept and logged as refused and changes nothing else. Each is taken in once, however often it is read.
   */
  takeIn(workspaceId: WorkspaceId, ack: ReceivedAcknowledgement): void {
    const repo = this.#repoOf(workspaceId);
    const m = repo.mobilisation(ack.mobilisationId);
    if (!m) return;
    const detail = this.deps.incidents.get(workspaceId, m.incidentId);
    const role = detail.roster.find((r) => r.roleId === ack.roleId);
    // The call first: taken in again after a crash between the two, it changes nothing the second time.
    if (ack.genuine && role && detail.mobilisation?.id === ack.mobilisationId) {
      this.deps.incidents.acknowledge(workspaceId, m.incidentId, role.roleId, { author: ack.memberName ?? ack.personName, authorRole: role.roleId });
    }
    const kept = repo.atomically(() => {
      const inserted = repo.insertLaptopAcknowledgement({
        mobilisationId: ack.mobilisationId,
        roleId: ack.roleId,
        deviceId: ack.deviceId,
        signature: ack.signature,
        incidentId: m.incidentId,
        personName: ack.personName,
        memberName: ack.memberName,
        acknowledgedAt: ack.acknowledgedAt,
        receivedAt: this.#now(),
        genuine: ack.genuine ? 1 : 0,
      });
      if (!inserted) return false;
      this.#log(workspaceId, m.incidentId, ack.genuine ? 'notify.acknowledgedFromLaptop' : 'notify.acknowledgementRefused', {
        person: ack.personName || '—',
        roleName: role?.name ?? { fr: ack.roleId, en: ack.roleId },
        member: ack.memberName ?? ack.deviceId,
      });
      return true;
    });
    if (kept) this.#changed(workspaceId, m.incidentId);
  }

  #escalate(workspaceId: WorkspaceId): void {
    const repo = this.#repoOf(workspaceId);
    const now = this.deps.clock.now().getTime();
    const minutesSince = this.deps.minutesSince ?? ((_: WorkspaceId, since: string) => (now - Date.parse(since)) / MINUTE);
    const plan = this.deps.plan(workspaceId);
    for (const m of repo.mobilisations()) {
      const detail = this.deps.incidents.get(workspaceId, m.incidentId);
      // A closed incident, or one mobilised again since, escalates no further on this mobilisation.
      if (detail.status === 'closed' || detail.mobilisation?.id !== m.mobilisationId) continue;
      const level = plan.escalation.levels[m.level as AlertLevel];
      const elapsed = minutesSince(workspaceId, m.startedAt);
      const steps = dueSteps(level, elapsed);
      if (steps.length === 0) continue;
      const waiting = level.first.filter((roleId) => detail.mobilisation!.calls.some((c) => c.roleId === roleId && c.acknowledgedAt === null));
      for (const step of steps) {
        for (const roleIds of byRecipient(step.stage, waiting, detail.roster)) {
          const queued = repo.atomically(() => this.#queue(workspaceId, m, detail, plan, roleIds, step.stage, step.minutes));
          if (queued.length === 0) continue;
          this.#log(workspaceId, detail.id, 'notify.escalated', { roleName: roleNamesIn(detail, roleIds), minutes: step.minutes, stage: stageNames(step.stage) });
          this.#logQueued(workspaceId, queued);
          this.#changed(workspaceId, detail.id);
        }
      }
    }
  }

  /**
   * Queues the step's one message to the person it reaches about `roleIds` (roles with that same recipient) on
   * their first usable channel, unless it is already queued. A person with a plan id gets one message per step of
   * a mobilisation whatever roles it names, so later passes never write to them again for another of those roles.
   * Returns the rows it added.
   */
  #queue(workspaceId: WorkspaceId, m: MobilisationRow, detail: IncidentDetail, plan: CrisisPlan, roleIds: readonly RoleId[], stage: EscalationStage, minutes: number): MessageRow[] {
    const roleId = roleIds[0]!;
    const roles = roleIds.flatMap((id) => detail.roster.filter((r) => r.roleId === id));
    const person = recipientOf(stage, roleId, detail.roster);
    if (roles.length === 0 || !person) return [];
    const meetingAt = new Date(Date.parse(m.startedAt) + plan.escalation.meeting.withinMinutes * MINUTE);
    const holders = [...new Set(roles.map((r) => r.holder?.name ?? '—'))].join(', ');
    const words = (language: Language) =>
      alertMessage(
        { title: detail.title, level: m.level as AlertLevel, stage, roleName: roleNamesIn(detail, roleIds), holder: holders, minutes, meetingAt, meetingPlace: plan.escalation.meeting.place },
        language,
      );
    const key = person.id === undefined ? `${m.mobilisationId}:${roleId}:${stage}` : `${m.mobilisationId}:${stage}:person:${person.id}`;
    return this.#enqueue(workspaceId, { key, incidentId: detail.id, mobilisationId: m.mobilisationId, roleId, stage, person, words });
  }

  /**
   * Queues one message for one person on their first usable channel (or the next after `after`), unless that
   * message (key and channel) is already queued. In an exercise the route is a test destination and every word
   * is marked; with no route the message stands failed with the reason.
   */
  #enqueue(
    workspaceId: WorkspaceId,
    message: {
      key: string;
      incidentId: string;
      mobilisationId: string | null;
      roleId: RoleId;
      stage: DeliveryStage;
      person: Person;
      words: (language: Language) => AlertText;
      /** The words of a message already queued once, marked already when they had to be. */
      worded?: true;
    },
    after?: NotifyChannel,
  ): MessageRow[] {
    const repo = this.#repoOf(workspaceId);
    const { person } = message;
    const exercise = this.#isExercise(workspaceId);
    const transports = this.#settingsOf(workspaceId);
    const route = exercise
      ? testRouteFor(person, destinationsOf(repo.testDestinations()), transports, after)
      : routeFor(person, transports, after);
    // After a failed channel, no further channel means the failure stands on its own.
    if (after && !route) return [];
    const channel = route?.channel ?? 'none';
    const dedupeKey = `${message.key}:${channel}`;
    if (repo.byKey(dedupeKey)) return [];
    const language = person.language ?? 'fr';
    const words = exercise && !message.worded ? markedAsExercise(message.words(language), language) : message.words(language);
    const id = randomUUID();
    const now = this.#now();
    const row = {
      id,
      dedupeKey,
      incidentId: message.incidentId,
      mobilisationId: message.mobilisationId,
      roleId: message.roleId,
      stage: message.stage,
      personName: person.name,
      channel,
      address: route?.address ?? '',
      language,
      subject: words.subject,
      body: words.text,
      valuesJson: JSON.stringify({ ...words.values, person: person.name }),
      status: route ? 'queued' : 'failed',
      nextAttemptAt: route ? now : null,
      reasonJson: route ? null : JSON.stringify(healthMessage(unroutedReason(exercise, transports))),
      messageId: messageIdOf(id),
      createdAt: now,
    };
    if (!repo.enqueue(row)) return [];
    return [repo.get(id)!];
  }

  async #sendDue(workspaceId: WorkspaceId): Promise<void> {
    const repo = this.#repoOf(workspaceId);
    const settings = this.#settingsOf(workspaceId);
    const seen = new Set<string>();
    for (;;) {
      const batch = repo.due(this.#now(), this.#tuning.batch).filter((row) => !seen.has(row.id));
      if (batch.length === 0) return;
      for (const row of batch) seen.add(row.id);
      await Promise.all(batch.map((row) => this.#attempt(workspaceId, settings, row)));
    }
  }

  async #attempt(workspaceId: WorkspaceId, settings: NotifySettings, row: MessageRow): Promise<void> {
    const repo = this.#repoOf(workspaceId);
    const channel = row.channel as NotifyChannel;
    // Sealed mode and the allow-list are asked before the row is claimed: a held message makes no connection.
    const held = this.#policyRefusal(workspaceId, settings, channel);
    if (held) {
      const now = this.deps.clock.now();
      if (row.reasonJson !== JSON.stringify(held)) this.#changed(workspaceId, row.incidentId);
      repo.reschedule(row.id, new Date(now.getTime() + this.#tuning.heldRetryMs).toISOString(), JSON.stringify(held), now.toISOString());
      return;
    }
    if (!repo.claim(row.id, this.#now())) return;
    try {
      const values = JSON.parse(row.valuesJson) as Record<string, string>;
      const result = await this.#send(workspaceId, settings, channel, {
        id: row.id,
        messageId: row.messageId,
        address: row.address,
        subject: row.subject,
        body: row.body,
        values,
        date: new Date(row.createdAt),
      });
      const status = result.delivered ? 'delivered' : 'sent';
      repo.finish(row.id, status, this.#now(), result.reply.slice(0, 500));
      this.#logMessage(workspaceId, repo.get(row.id)!, status === 'delivered' ? 'notify.delivered' : 'notify.sent');
    } catch (error) {
      const reason =
        error instanceof DeliveryError ? error : new DeliveryError(healthMessage('unexpected', { detail: String(error).slice(0, 300) }), false);
      if (!(error instanceof DeliveryError)) this.deps.logger.error('notify send failed unexpectedly', { error: String(error), messageId: row.id });
      this.#failed(workspaceId, row, reason);
    }
    this.#changed(workspaceId, row.incidentId);
  }

  #failed(workspaceId: WorkspaceId, row: MessageRow, error: DeliveryError): void {
    const repo = this.#repoOf(workspaceId);
    const now = this.deps.clock.now();
    const attempts = row.attempts + 1;
    if (!error.permanent && attempts < this.#tuning.maxAttempts) {
      const delay = Math.max(retryDelayMs(attempts, this.#tuning.backoff, this.#tuning.random), error.retryAfterMs ?? 0);
      repo.reschedule(row.id, new Date(now.getTime() + delay).toISOString(), JSON.stringify(error.health), now.toISOString());
      return;
    }
    repo.fail(row.id, JSON.stringify(error.health), now.toISOString());
    this.#logMessage(workspaceId, repo.get(row.id)!, 'notify.failed');
    // The same words go to the same person on their next channel, under the same key.
    if (row.mobilisationId !== null && !repo.mobilisation(row.mobilisationId)) return;
    const detail = this.deps.incidents.get(workspaceId, row.incidentId);
    const roleId = row.roleId as RoleId;
    const person = row.stage === 'reminder' ? detail.roster.find((r) => r.roleId === roleId)?.holder : recipientOf(row.stage as EscalationStage, roleId, detail.roster);
    if (!person) return;
    const words = (): AlertText => ({ subject: row.subject, text: row.body, values: JSON.parse(row.valuesJson) as Record<string, string> });
    const key = row.dedupeKey.slice(0, row.dedupeKey.lastIndexOf(':'));
    const again = repo.atomically(() =>
      this.#enqueue(
        workspaceId,
        { key, incidentId: row.incidentId, mobilisationId: row.mobilisationId, roleId, stage: row.stage as DeliveryStage, person, words, worded: true },
        row.channel as NotifyChannel,
      ),
    );
    this.#logQueued(workspaceId, again);
  }

  async #send(
    workspaceId: WorkspaceId,
    settings: NotifySettings,
    channel: NotifyChannel,
    message: { id: string; messageId: string; address: string; subject: string; body: string; values: Record<string, string>; date: Date },
  ): Promise<{ delivered: boolean; reply: string }> {
    const refusal = this.#policyRefusal(workspaceId, settings, channel);
    if (refusal) throw new DeliveryError(refusal, false);
    const timeoutMs = this.#tuning.requestTimeoutMs;
    if (channel === 'email') {
      const reply = await sendMail(settings.email!, { to: message.address, subject: message.subject, text: message.body, messageId: message.messageId, date: message.date }, this.deps.network.resolve, { timeoutMs });
      return { delivered: false, reply };
    }
    const gateway = settings[channel]!;
    return sendThroughGateway(
      this.deps.network.gateFor(workspaceId),
      gateway,
      { id: message.id, values: { ...message.values, to: message.address, messageId: message.id } },
      { timeoutMs, purpose: `notify:${channel}`, now: this.deps.clock.now() },
    );
  }

  /** Why the channel cannot be used now: not set up, sealed, or its host not allowed. */
  #policyRefusal(workspaceId: WorkspaceId, settings: NotifySettings, channel: NotifyChannel): HealthMessage | undefined {
    const config = settings[channel];
    if (!config) return healthMessage('noChannel');
    const url = channel === 'email' ? smtpUrl(config as SmtpSettings) : safeGatewayUrl(config as GatewaySettings);
    if (!url) return healthMessage('invalidUrl', { url: (config as GatewaySettings).url.slice(0, 200) });
    return this.deps.network.refusal(workspaceId, url);
  }

  #settingsOf(workspaceId: WorkspaceId): NotifySettings {
    const out: NotifySettings = { email: null, sms: null, messenger: null };
    for (const { channel, configJson } of this.#repoOf(workspaceId).settings()) {
      const config: unknown = JSON.parse(configJson);
      if (channel === 'email') out.email = smtpSettingsSchema.parse(config);
      else if (channel === 'sms' || channel === 'messenger') out[channel] = gatewaySettingsSchema.parse(config);
    }
    return out;
  }

  /** Live and exercise workspaces: an exercise's messages only ever go to its test destinations. */
  #sendingIds(): WorkspaceId[] {
    return this.deps.store.ids().filter((id) => {
      try {
        return Boolean(this.deps.store.get(id).kind);
      } catch {
        return false;
      }
    });
  }

  #isExercise(workspaceId: WorkspaceId): boolean {
    return this.deps.store.get(workspaceId).kind === 'exercise';
  }

  #repoOf(workspaceId: WorkspaceId): NotifyRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #logQueued(workspaceId: WorkspaceId, rows: readonly MessageRow[]): void {
    for (const row of rows) this.#logMessage(workspaceId, row, row.status === 'failed' ? 'notify.failed' : 'notify.queued');
  }

  #logMessage(workspaceId: WorkspaceId, row: MessageRow, code: string): void {
    const detail = this.deps.incidents.get(workspaceId, row.incidentId);
    const role = detail.roster.find((r) => r.roleId === row.roleId);
    const reason = parseHealthMessage(row.reasonJson);
    this.#log(workspaceId, row.incidentId, code, {
      person: row.personName,
      roleName: role?.name ?? { fr: row.roleId, en: row.roleId },
      stage: stageNames(row.stage as EscalationStage),
      channel: { fr: CHANNEL_NAMES.fr[row.channel as NotifyChannel | 'none'], en: CHANNEL_NAMES.en[row.channel as NotifyChannel | 'none'] },
      messageId: row.id,
      status: row.status,
      ...(reason ? { reason: { fr: wordHealth(reason, 'fr'), en: wordHealth(reason, 'en') } } : {}),
    });
  }

  #log(workspaceId: WorkspaceId, incidentId: string, code: string, data: Record<string, string | number | LocalizedText>): void {
    const flat: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'object') {
        flat[`${key}Fr`] = value.fr;
        flat[`${key}En`] = value.en;
      } else flat[key] = value;
    }
    this.deps.log.system(workspaceId, { incidentId, code, data: flat });
  }

  #changed(workspaceId: WorkspaceId, incidentId: string): void {
    this.deps.events.emit('notify:changed', { workspaceId, incidentId });
  }
}

function draftOf(detail: IncidentDetail, level: AlertLevel): MobilisationDraft {
  const m = detail.mobilisation!;
  return {
    id: m.id,
    incidentId: detail.id,
    title: detail.title,
    level,
    startedAt: m.startedAt,
    calls: m.calls.map((c) => ({ roleId: c.roleId, roleName: detail.roster.find((r) => r.roleId === c.roleId)?.name ?? { fr: c.roleId, en: c.roleId }, personName: c.personName })),
  };
}

/** The roles a step reaches grouped by the person it reaches for each: one group per person with a plan id. */
function byRecipient(stage: EscalationStage, roleIds: readonly RoleId[], roster: IncidentDetail['roster']): RoleId[][] {
  const groups = new Map<string, RoleId[]>();
  for (const roleId of roleIds) {
    const person = recipientOf(stage, roleId, roster);
    const key = person?.id === undefined ? `role:${roleId}` : `person:${person.id}`;
    groups.set(key, [...(groups.get(key) ?? []), roleId]);
  }
  return [...groups.values()];
}

function roleNamesIn(detail: IncidentDetail, roleIds: readonly RoleId[]): LocalizedText {
  return roleNamesOf(roleIds.map((id) => detail.roster.find((r) => r.roleId === id)?.name ?? { fr: id, en: id }));
}

function stageNames(stage: EscalationStage): LocalizedText {
  return { fr: STAGE_NAMES.fr[stage], en: STAGE_NAMES.en[stage] };
}

function wordHealth(message: HealthMessage, language: 'fr' | 'en'): string {
  const template = (language === 'fr' ? healthFr : healthEn)[message.key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(message.params[name] ?? ''));
}

const DEFAULT_CHANNELS: readonly NotifyChannel[] = ['sms', 'email'];

/** Why a message has no route: an exercise says whether it lacks channels of its own or test destinations. */
function unroutedReason(exercise: boolean, transports: NotifySettings): 'noChannel' | 'noExerciseChannel' | 'noTestDestination' {
  if (!exercise) return 'noChannel';
  return NOTIFY_CHANNELS.some((c) => transports[c]) ? 'noTestDestination' : 'noExerciseChannel';
}

/** The person's first preferred channel with an address and a configured transport, after `after` when given. */
export function routeFor(person: Person, settings: NotifySettings, after?: NotifyChannel): { channel: NotifyChannel; address: string } | null {
  const channels = person.channels ?? DEFAULT_CHANNELS;
  const order = after ? channels.slice(channels.indexOf(after) + 1) : channels;
  for (const channel of order) {
    const address = channel === 'email' ? person.email : channel === 'sms' ? person.phone : (person.messenger ?? '');
    if (address.trim() && settings[channel]) return { channel, address: address.trim() };
  }
  return null;
}

function messageIdOf(id: string): string {
  return `<${id}@tocsin.invalid>`;
}

function smtpUrl(settings: SmtpSettings): URL {
  const host = settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  return new URL(`smtp://${host}:${settings.port}`);
}

/** The gateway's address with its placeholders left out: only its origin is judged. */
function safeGatewayUrl(settings: GatewaySettings): URL | null {
  try {
    const url = new URL(settings.url.replace(/\{\{[^}]*\}\}/g, 'x'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function gatewayUrl(settings: GatewaySettings): URL {
  const url = safeGatewayUrl(settings);
  if (!url) throw failure('INVALID_INPUT', 'notify.failures.gatewayUrl', undefined, [{ path: 'url', message: 'invalidUrl' }]);
  return url;
}

function toDelivery(row: MessageRow): DeliveryMessage {
  return {
    id: row.id,
    incidentId: row.incidentId,
    roleId: row.roleId as RoleId,
    stage: row.stage as EscalationStage,
    personName: row.personName,
    channel: row.channel as NotifyChannel | 'none',
    address: row.address,
    language: row.language as 'fr' | 'en',
    status: row.status as DeliveryMessage['status'],
    attempts: row.attempts,
    reason: parseHealthMessage(row.reasonJson),
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt : null,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

