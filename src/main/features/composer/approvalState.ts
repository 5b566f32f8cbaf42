// Whether a statement's current text carries every required approval: only genuine decisions on that exact hash
// count (a decision whose signature did not hold is shown, never counted).
import type { ApprovalState } from '../../../shared/domain/statement';
import type { DecisionRow } from './statementRepository';

export interface ApprovalStatus {
  readonly state: ApprovalState;
  readonly approvedRoles: string[];
  /** The most recent approval of any role, current or not: the base of the "changed since" diff. */
  readonly lastApproval: DecisionRow | undefined;
}

export function approvalStatus(decisions: readonly DecisionRow[], contentHash: string, requiredRoles: readonly string[]): ApprovalStatus {
  const latestByRole = new Map<string, DecisionRow>();
  const genuine = decisions.filter((d) => d.genuine !== 0);
  for (const d of genuine) if (d.contentHash === contentHash) latestByRole.set(d.role, d);
  const current = [...latestByRole.values()];
  const approvedRoles = requiredRoles.filter((role) => latestByRole.get(role)?.decision === 'approved');
  const lastApproval = [...genuine].reverse().find((d) => d.decision === 'approved');
  let state: ApprovalState = 'draft';
  if (current.some((d) => d.decision === 'rejected')) state = 'rejected';
  else if (approvedRoles.length === requiredRoles.length && requiredRoles.length > 0) state = 'approved';
  else if (approvedRoles.length > 0) state = 'partially_approved';
  return { state, approvedRoles, lastApproval };
}
