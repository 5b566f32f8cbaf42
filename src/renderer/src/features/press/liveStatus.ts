// An open inquiry turns late the moment its deadline passes on this screen, without waiting for the next read.
import type { PressInquiry, PressStatus } from '../../../../shared/domain/press';

export const isOpen = (inquiry: PressInquiry): boolean => inquiry.status === 'open' || inquiry.status === 'late';

export function liveStatus(inquiry: PressInquiry, now: number): PressStatus {
  if (!isOpen(inquiry)) return inquiry.status;
  return Date.parse(inquiry.deadline) < now ? 'late' : 'open';
}
