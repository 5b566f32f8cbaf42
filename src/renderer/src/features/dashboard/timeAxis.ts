// Which bars of the dashboard's time axis carry a label and what it says. Labels sit on round local moments (every
// ten minutes, each midnight, each Monday, each month's first…), spaced so that about ten fit, and each says enough
// (the day, the year) to be told from the others: a category axis labelling bars at its own interval repeats
// "00:00" on every day of a period.
import { wallClockIn } from '../../../../shared/regulatory/zonedTime';

type Unit = 'minute' | 'day' | 'month';

interface Step {
  readonly unit: Unit;
  readonly size: number;
  /** Rough length, to count how many labels a step gives over a span. */
  readonly minutes: number;
}

const MAX_LABELS = 10;
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_MONTH = 43_830;
const STEPS: readonly Step[] = [
  ...[1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720].map((size) => ({ unit: 'minute' as const, size, minutes: size })),
  ...[1, 2, 7, 14].map((size) => ({ unit: 'day' as const, size, minutes: size * MINUTES_PER_DAY })),
  ...[1, 2, 3, 6, 12].map((size) => ({ unit: 'month' as const, size, minutes: size * MINUTES_PER_MONTH })),
];
/** 1 January 1970 was a Thursday: weeks counted from the Monday before it. */
const MONDAY_SHIFT = 3;

export interface TimeAxis {
  /** Whether the bar at this index carries a label (ECharts' category `interval`). */
  readonly shows: (index: number) => boolean;
  readonly label: (index: number) => string;
}

export function timeAxis(times: readonly string[], bucketMinutes: number, language: string, timeZone?: string): TimeAxis {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return { shows: () => false, label: () => '' };
  const span = (Date.parse(last) - Date.parse(first)) / 60_000 + bucketMinutes;
  const step = STEPS.find((s) => s.minutes >= bucketMinutes && span / s.minutes <= MAX_LABELS) ?? STEPS[STEPS.length - 1]!;
  const key = (ms: number): number => {
    const w = wallClockIn(ms, zone);
    if (step.unit === 'month') return Math.floor((w.year * 12 + w.month - 1) / step.size);
    const day = Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
    if (step.unit === 'day') return Math.floor((day + (step.size % 7 === 0 ? MONDAY_SHIFT : 0)) / step.size);
    return Math.floor((day * MINUTES_PER_DAY + w.hour * 60 + w.minute) / step.size);
  };
  const keys = times.map((t) => key(Date.parse(t)));
  // A bar is labelled where a round moment falls in it: its key differs from the bar before (or the minute before the first).
  const shown = keys.map((k, i) => k !== (i === 0 ? key(Date.parse(first) - 60_000) : keys[i - 1]));
  const localDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(new Date(iso));
  const severalDays = localDate(first) !== localDate(last);
  const severalYears = localDate(first).slice(0, 4) !== localDate(last).slice(0, 4);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
  const monthYear = format({ month: 'short', year: 'numeric' });
  const dayMonth = format({ day: 'numeric', month: 'short', ...(severalYears ? { year: 'numeric' } : {}) });
  const clock = format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const label = (index: number): string => {
    const at = new Date(times[index] ?? first);
    if (step.unit === 'month') return monthYear.format(at);
    if (step.unit === 'day') return dayMonth.format(at);
    return severalDays ? `${dayMonth.format(at)} ${clock.format(at)}` : clock.format(at);
  };
  return { shows: (index) => shown[index] ?? false, label };
}
