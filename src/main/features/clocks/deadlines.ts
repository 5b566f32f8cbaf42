// Each step's deadline from the obligation's limits: the earliest limit that can be known, in UTC. Hours are
// elapsed time; calendar months are counted on the firm's wall clock, so a month is the same date a month later
// whatever the daylight-saving change in between, and the instant is the same on every laptop.
import { durationToMinutes, type DeadlineLimit, type Obligation } from '../../../shared/domain/plan';
import type { StepStatus } from '../../../shared/domain/regulatoryClock';
import { addCalendarMonths } from '../../../shared/regulatory/zonedTime';

export interface ClockTimes {
  readonly awarenessAt: number;
  readonly classifiedAt: number;
  /** When each step was sent, by step id. */
  readonly sentAt: ReadonlyMap<string, number>;
}

export interface StepDeadline {
  readonly stepId: string;
  readonly startedAt: number | null;
  readonly dueAt: number | null;
}

const anchorOf = (limit: DeadlineLimit, times: ClockTimes): number | undefined => {
  switch (limit.from) {
    case 'awareness':
      return times.awarenessAt;
    case 'classification':
      return times.classifiedAt;
    case 'stepSent':
      return limit.step === undefined ? undefined : times.sentAt.get(limit.step);
  }
};

export function stepDeadlines(obligation: Obligation, times: ClockTimes, timeZone: string): StepDeadline[] {
  return obligation.steps.map((step) => {
    const known = step.limits.flatMap((limit) => {
      const anchor = anchorOf(limit, times);
      if (anchor === undefined) return [];
      return [{ anchor, due: addCalendarMonths(anchor, limit.months, timeZone) + durationToMinutes(limit.after) * 60_000 }];
    });
    if (!known.length) return { stepId: step.id, startedAt: null, dueAt: null };
    // Its time runs from the classification, or later from the sending of the step it waits for.
    const startedAt = Math.max(times.classifiedAt, ...known.map((k) => k.anchor));
    return { stepId: step.id, startedAt, dueAt: Math.min(...known.map((k) => k.due)) };
  });
}

export function stepStatus(dueAt: number | null, sentAt: number | null, now: number): StepStatus {
  if (dueAt === null) return 'waiting';
  if (sentAt !== null) return sentAt <= dueAt ? 'met' : 'missed';
  return now >= dueAt ? 'missed' : 'running';
}

/** The instants reminders go out: the given fractions of the time between start and deadline. */
export function reminderInstants(startedAt: number, dueAt: number, fractions: readonly number[]): { fraction: number; at: number }[] {
  if (dueAt <= startedAt) return [];
  return [...fractions].sort((a, b) => a - b).map((fraction) => ({ fraction, at: startedAt + Math.round(fraction * (dueAt - startedAt)) }));
}
