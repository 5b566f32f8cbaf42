// A deadline limit of the plan as the obligations editor shows it: an amount in one unit (minutes, hours, days or
// calendar months) and what it counts from, and back.
import { durationToMinutes, type DeadlineLimit, type LimitAnchor } from '../../../../shared/domain/plan';

export const LIMIT_UNITS = ['minutes', 'hours', 'days', 'months'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
/** Up to a year, as the plan's months allow. */
export const MAX_AMOUNT = { minutes: 60 * 24 * 366, hours: 24 * 366, days: 366, months: 12 } as const;

/** A limit as the person wrote it: months alone, else the largest whole unit of its duration. */
export function amountOf(limit: DeadlineLimit): { amount: number; unit: LimitUnit } {
  if (limit.months > 0) return { amount: limit.months, unit: 'months' };
  const minutes = durationToMinutes(limit.after);
  if (minutes > 0 && minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export function withAmount(limit: DeadlineLimit, amount: number, unit: LimitUnit): DeadlineLimit {
  const n = Math.max(1, Math.min(MAX_AMOUNT[unit], Math.round(amount)));
  if (unit === 'months') return { ...limit, months: n, after: 'PT0M' };
  return { ...limit, months: 0, after: unit === 'days' ? `P${n}D` : unit === 'hours' ? `PT${n}H` : `PT${n}M` };
}

/** The limit counted from `value`: an anchor, or `step:<id>` for the sending of that earlier step. */
export function anchored(limit: DeadlineLimit, value: string): DeadlineLimit {
  const { step: _step, ...rest } = limit;
  if (value.startsWith('step:')) return { ...rest, from: 'stepSent', step: value.slice('step:'.length) };
  return { ...rest, from: value as Exclude<LimitAnchor, 'stepSent'> };
}
