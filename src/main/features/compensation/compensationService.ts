// The compensation register of an incident: cases proposed with a gesture and an amount, approved by every role the
// plan names (or stopped by one rejection), then marked done once delivered. The crisis log names a case by its
// number and gesture, never by the customer, so the log and its exports carry no customer data.
import {
  MINOR_PER_UNIT,
  compensationTotals,
  newCompensationCaseSchema,
  type CompensationCase,
  type CompensationRegister,
  type NewCompensationCase,
} from '../../../shared/domain/compensation';
import type { Actor, IncidentDetail } from '../../../shared/domain/incident';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { failure } from '../../platform/i18n/failure';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { CrisisLogService } from '../crisisLog';
import { chainState, decisionProblem } from './approvalChain';
import { CompensationRepository, type CompensationCaseRow, type CompensationDecisionRow } from './compensationRepository';

export interface CompensationDeps {
  readonly store: WorkspaceStore;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly log: CrisisLogService;
  readonly incident: (workspaceId: WorkspaceId, incidentId: string) => IncidentDetail;
  /** The plan roles whose approval a gesture needs. */
  readonly approvers: (workspaceId: WorkspaceId) => readonly string[];
  /** Fails when the mention does not exist. */
  readonly requireMention: (workspaceId: WorkspaceId, mentionId: number) => void;
}

const amountText = (minor: number, currency: string) => `${(minor / MINOR_PER_UNIT).toFixed(2)} ${currency}`;

export class CompensationService {
  readonly #repo = perWorkspace((ws) => new CompensationRepository(ws.db));

  constructor(private readonly deps: CompensationDeps) {}

  list(workspaceId: WorkspaceId, incidentId: string): CompensationRegister {
    this.deps.incident(workspaceId, incidentId);
    const repo = this.#repoOf(workspaceId);
    const requiredRoles = [...this.deps.approvers(workspaceId)];
    const decisions = repo.decisions(incidentId);
    const cases = repo.list(incidentId).map((row) => toCase(row, decisions.filter((d) => d.caseId === row.id), requiredRoles));
    return { cases, totals: compensationTotals(cases), requiredRoles };
  }

  propose(workspaceId: WorkspaceId, incidentId: string, input: NewCompensationCase, actor: Actor): CompensationRegister {
    const proposal = newCompensationCaseSchema.parse(input);
    this.#open(workspaceId, incidentId);
    if (proposal.mentionId !== null) this.deps.requireMention(workspaceId, proposal.mentionId);
    const amountMinor = Math.round(proposal.amount * MINOR_PER_UNIT);
    const id = this.#repoOf(workspaceId).insert({
      incidentId,
      customer: proposal.customer,
      whatHappened: proposal.whatHappened,
      reference: proposal.reference,
      mentionId: proposal.mentionId,
      gesture: proposal.gesture,
      amountMinor,
      currency: proposal.currency,
      createdAt: this.#now(),
      createdBy: actor.author,
    });
    this.deps.log.system(workspaceId, {
      incidentId,
      code: 'compensation.proposed',
      data: { person: actor.author, case: id, gesture: proposal.gesture, amount: amountText(amountMinor, proposal.currency) },
    });
    return this.#changed(workspaceId, incidentId);
  }

  decide(workspaceId: WorkspaceId, incidentId: string, caseId: number, decision: 'approved' | 'rejected', reason: string, actor: Actor): CompensationRegister {
    this.#open(workspaceId, incidentId);
    const repo = this.#repoOf(workspaceId);
    const required = this.deps.approvers(workspaceId);
    repo.atomically(() => {
      const row = this.#case(repo, incidentId, caseId);
      if (row.status !== 'proposed') throw failure('CONFLICT', 'compensation.failures.notProposed');
      const decisions = repo.decisions(incidentId).filter((d) => d.caseId === caseId);
      const problem = decisionProblem(decisions, required, { person: actor.author, role: actor.authorRole });
      if (problem) throw failure(problem === 'wrongRole' || problem === 'noRole' ? 'FORBIDDEN' : 'CONFLICT', `compensation.failures.${problem}`, { roles: required.join(', '), person: actor.author });
      const made: CompensationDecisionRow = { caseId, decision, person: actor.author, role: actor.authorRole!, reason: reason || null, decidedAt: this.#now() };
      repo.decide(made);
      const state = chainState([...decisions, made], required);
      if (state.status !== 'proposed') repo.setStatus(caseId, state.status);
      this.deps.log.system(workspaceId, {
        incidentId,
        code: decision === 'approved' ? 'compensation.approved' : 'compensation.rejected',
        data: { person: actor.author, role: actor.authorRole, case: caseId, gesture: row.gesture, amount: amountText(row.amountMinor, row.currency), reason },
      });
      if (state.status === 'approved') {
        this.deps.log.system(workspaceId, { incidentId, code: 'compensation.chainComplete', data: { case: caseId, gesture: row.gesture, amount: amountText(row.amountMinor, row.currency) } });
      }
    });
    return this.#changed(workspaceId, incidentId);
  }

  markDone(workspaceId: WorkspaceId, incidentId: string, caseId: number, actor: Actor): CompensationRegister {
    this.#open(workspaceId, incidentId);
    const repo = this.#repoOf(workspaceId);
    const row = this.#case(repo, incidentId, caseId);
    if (!repo.markDone(caseId, this.#now(), actor.author)) throw failure('CONFLICT', 'compensation.failures.notApproved');
    this.deps.log.system(workspaceId, {
      incidentId,
      code: 'compensation.done',
      data: { person: actor.author, case: caseId, gesture: row.gesture, amount: amountText(row.amountMinor, row.currency) },
    });
    return this.#changed(workspaceId, incidentId);
  }

  #open(workspaceId: WorkspaceId, incidentId: string): void {
    if (this.deps.incident(workspaceId, incidentId).status === 'closed') throw failure('CONFLICT', 'compensation.failures.closed');
  }

  #case(repo: CompensationRepository, incidentId: string, caseId: number): CompensationCaseRow {
    const row = repo.one(incidentId, caseId);
    if (!row) throw failure('NOT_FOUND', 'compensation.failures.noCase', { id: caseId });
    return row;
  }

  #repoOf(workspaceId: WorkspaceId): CompensationRepository {
    return this.#repo(this.deps.store.get(workspaceId));
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }

  #changed(workspaceId: WorkspaceId, incidentId: string): CompensationRegister {
    this.deps.events.emit('compensation:changed', { workspaceId, incidentId });
    return this.list(workspaceId, incidentId);
  }
}

function toCase(row: CompensationCaseRow, decisions: readonly CompensationDecisionRow[], requiredRoles: string[]): CompensationCase {
  return {
    ...row,
    requiredRoles,
    approvedRoles: chainState(decisions, requiredRoles).approvedRoles,
    decisions: decisions.map(({ decision, person, role, reason, decidedAt }) => ({ decision, person, role, reason, decidedAt })),
  };
}
