// Colours of approval and outbox states, shared by the composer's panels.
import type { ApprovalState, OutboxState } from '../../../../shared/domain/statement';

export const approvalColor: Record<ApprovalState, string> = {
  draft: 'gray',
  partially_approved: 'yellow',
  approved: 'green',
  rejected: 'red',
};

export const outboxColor: Record<OutboxState, string> = {
  queued: 'blue',
  sending: 'cyan',
  published: 'green',
  failed: 'red',
  manual: 'grape',
  cancelled: 'gray',
};
