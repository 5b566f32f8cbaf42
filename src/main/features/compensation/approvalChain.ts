// Where a compensation case stands in its approval chain: one rejection stops it, every role the plan names must
// approve it, and one person cannot stand for two roles (the same rule as a statement's approvals).
import type { CompensationStatus } from '../../../shared/domain/compensation';
import type { CompensationDecisionRow } from './compensationRepository';

export interface ChainState {
  readonly status: Extract<CompensationStatus, 'proposed' | 'approved' | 'rejected'>;
  readonly approvedRoles: string[];
}

export function chainState(decisions: readonly Pick<CompensationDecisionRow, 'decision' | 'role'>[], requiredRoles: readonly string[]): ChainState {
  const approvedRoles = requiredRoles.filter((role) => decisions.some((d) => d.role === role && d.decision === 'approved'));
  if (decisions.some((d) => d.decision === 'rejected')) return { status: 'rejected', approvedRoles };
  return { status: approvedRoles.length === requiredRoles.length ? 'approved' : 'proposed', approvedRoles };
}

export type DecisionProblem = 'noRole' | 'wrongRole' | 'roleDecided' | 'samePerson';

/** Why this person may not decide in this role now, or null when they may. */
export function decisionProblem(
  decisions: readonly Pick<CompensationDecisionRow, 'person' | 'role'>[],
  requiredRoles: readonly string[],
  approver: { person: string; role: string | null },
): DecisionProblem | null {
  if (approver.role === null) return 'noRole';
  if (!requiredRoles.includes(approver.role)) return 'wrongRole';
  if (decisions.some((d) => d.role === approver.role)) return 'roleDecided';
  if (decisions.some((d) => d.person === approver.person)) return 'samePerson';
  return null;
}
