// Whether a statement's current text carries every required approval: only decisions on that exact hash count.
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
  for (const d of decisions) if (d.contentHash === contentHash) latestByRole.set(d.role, d);
  const current = [...latestByRole.values()];
  const approvedRoles = requiredRoles.filter((role) => latestByRole.get(role)?.decision === 'approved');
  const lastApproval = [...decisions].reverse().find((d) => d.decision === 'approved');
  let state: ApprovalState = 'draft';
  if (current.some((d) => d.decision === 'rejected')) state = 'rejected';
  else if (approvedRoles.length === requiredRoles.length && requiredRoles.length > 0) state = 'approved';
  else if (approvedRoles.length > 0) state = 'partially_approved';
  return { state, approvedRoles, lastApproval };
}
