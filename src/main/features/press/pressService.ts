// The press desk of an incident: inquiries fed by hand or from a journalist's post, each with its deadline and
// spokesperson, closed by an answer (quoting a statement when there is one) or a refusal. Every step is logged.
import type { Actor, IncidentDetail } from '../../../shared/domain/incident';
import type { CrisisPlan } from '../../../shared/domain/plan';
import {
  PRESS_AUTHOR_KINDS,
  newPressInquirySchema,
  pressAnswerSchema,
  pressChannelSchema,
  pressSummary,
  pressTiming,
  spokespersonSchema,
  type NewPressInquiry,
  type PressAnswer,
  type PressDesk,
  type PressInquiry,
} from '../../../shared/domain/press';
import type { StatementDetail } from '../../../shared/domain/statement';
import type { StoredMention } from '../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { failure } from '../../platform/i18n/failure';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import { PressRepository, type PressInquiryRow } from './pressRepository';

export interface PressDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly log: CrisisLogService;
  readonly plan: (workspaceId: WorkspaceId) => CrisisPlan;
  readonly incident: (workspaceId: WorkspaceId, incidentId: string) => IncidentDetail;
  readonly mention: (workspaceId: WorkspaceId, mentionId: number) => StoredMention;
  readonly statement: (workspaceId: WorkspaceId, statementId: string) => Pick<StatementDetail['statement'], 'incidentId' | 'title'>;
}

export class PressService {
  readonly #repo = perWorkspace((ws) => new PressRepository(ws.db));

  constructor(private readonly deps: PressDeps) {}

  list(workspaceId: WorkspaceId, incidentId: string): PressDesk {
    this.deps.incident(workspaceId, incidentId);
    const now = this.deps.clock.now();
    const inquiries = this.#repoOf(workspaceId).list(incidentId).map((row) => toInquiry(row, now));
    return { inquiries, summary: pressSummary(inquiries) };
  }

  create(workspaceId: WorkspaceId, incidentId: string, input: NewPressInquiry, actor: Actor): PressDesk {
    const inquiry = newPressInquirySchema.parse(input);
    this.#open(workspaceId, incidentId);
    const plan = this.deps.plan(workspaceId);
    if (inquiry.contactId !== null && !plan.contacts.some((c) => c.id === inquiry.contactId && c.category === 'press')) {
      throw failure('INVALID_INPUT', 'press.failures.noContact', { id: inquiry.contactId });
    }
    if (inquiry.spokesperson && !plan.roles.some((r) => r.id === inquiry.spokesperson!.roleId)) {
      throw failure('INVALID_INPUT', 'press.failures.noRole', { id: inquiry.spokesperson.roleId });
    }
    if (inquiry.mentionId !== null) {
      const { kind } = this.deps.mention(workspaceId, inquiry.mentionId).author;
      if (!(PRESS_AUTHOR_KINDS as readonly string[]).includes(kind)) throw failure('INVALID_INPUT', 'press.failures.notPress');
    }
    this.#repoOf(workspaceId).insert({
      incidentId,
      outlet: inquiry.outlet,
      person: inquiry.person,
      channel: inquiry.channel,
      question: inquiry.question,
      deadline: inquiry.deadline,
      contactId: inquiry.contactId,
      mentionId: inquiry.mentionId,
      spokespersonRole: inquiry.spokesperson?.roleId ?? null,
      spokespersonPerson: inquiry.spokesperson?.person ?? null,
      createdAt: this.#now(),
      createdBy: actor.author,
    });
    this.deps.log.system(workspaceId, {
      incidentId,
      code: 'press.created',
      data: {
        person: actor.author,
        journalist: inquiry.person,
        outlet: inquiry.outlet,
        dueAt: inquiry.deadline,
        spokesperson: inquiry.spokesperson?.person ?? '',
        role: inquiry.spokesperson?.roleId ?? '',
      },
    });
    return this.#changed(workspaceId, incidentId);
  }

  answer(workspaceId: WorkspaceId, incidentId: string, inquiryId: number, input: PressAnswer, actor: Actor): PressDesk {
    const answer = pressAnswerSchema.parse(input);
    const row = this.#inquiry(workspaceId, incidentId, inquiryId);
    if (row.status !== 'open') throw failure('CONFLICT', 'press.failures.notOpen');
    const statement = answer.statementId === null ? '' : this.#statementTitle(workspaceId, incidentId, answer.statementId);
    const closedAt = this.#now();
    this.#repoOf(workspaceId).setOutcome(inquiryId, { status: 'answered', answer: answer.answer, statementId: answer.statementId, closedAt, closedBy: actor.author });
    const { late } = pressTiming({ ...row, status: 'answered', closedAt }, this.deps.clock.now());
    this.deps.log.system(workspaceId, {
      incidentId,
      code: late ? 'press.answeredLate' : 'press.answered',
      data: { person: actor.author, journalist: row.person, outlet: row.outlet, dueAt: row.deadline, statement },
    });
    return this.#changed(workspaceId, incidentId);
  }

  setStatus(workspaceId: WorkspaceId, incidentId: string, inquiryId: number, status: 'open' | 'declined', reason: string, actor: Actor): PressDesk {
    const row = this.#inquiry(workspaceId, incidentId, inquiryId);
    if (status === 'declined' && row.status !== 'open') throw failure('CONFLICT', 'press.failures.notOpen');
    if (status === 'open' && row.status === 'open') return this.list(workspaceId, incidentId);
    const closing = status === 'declined';
    this.#repoOf(workspaceId).setOutcome(inquiryId, {
      status,
      answer: closing ? reason : '',
      statementId: null,
      closedAt: closing ? this.#now() : null,
      closedBy: closing ? actor.author : null,
    });
    this.deps.log.system(workspaceId, {
      incidentId,
      code: closing ? 'press.declined' : 'press.reopened',
      data: { person: actor.author, journalist: row.person, outlet: row.outlet, reason },
    });
    return this.#changed(workspaceId, incidentId);
  }

  /** An answer quotes a statement of the same incident only. */
  #statementTitle(workspaceId: WorkspaceId, incidentId: string, statementId: string): string {
    const statement = this.deps.statement(workspaceId, statementId);
    if (statement.incidentId !== incidentId) throw failure('INVALID_INPUT', 'press.failures.otherStatement');
    return statement.title;
  }

  #open(workspaceId: WorkspaceId, incidentId: string): void {
    if (this.deps.incident(workspaceId, incidentId).status === 'closed') throw failure('CONFLICT', 'press.failures.closed');
  }

  #inquiry(workspaceId: WorkspaceId, incidentId: string, inquiryId: number): PressInquiryRow {
    this.#open(workspaceId, incidentId);
    const row = this.#repoOf(workspaceId).one(incidentId, inquiryId);
    if (!row) throw failure('NOT_FOUND', 'press.failures.noInquiry', { id: inquiryId });
    return row;
  }

  #repoOf(workspaceId: WorkspaceId): PressRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #changed(workspaceId: WorkspaceId, incidentId: string): PressDesk {
    this.deps.events.emit('press:changed', { workspaceId, incidentId });
    return this.list(workspaceId, incidentId);
  }
}

function toInquiry(row: PressInquiryRow, now: Date): PressInquiry {
  const timing = pressTiming(row, now);
  const spokesperson = spokespersonSchema.safeParse({ roleId: row.spokespersonRole, person: row.spokespersonPerson });
  return {
    id: row.id,
    incidentId: row.incidentId,
    outlet: row.outlet,
    person: row.person,
    channel: pressChannelSchema.parse(row.channel),
    question: row.question,
    deadline: row.deadline,
    contactId: row.contactId,
    mentionId: row.mentionId,
    spokesperson: spokesperson.success ? spokesperson.data : null,
    status: timing.status,
    late: timing.late,
    answer: row.answer,
    statementId: row.statementId,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
  };
}
