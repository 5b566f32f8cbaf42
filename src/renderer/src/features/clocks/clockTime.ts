// Time helpers of the regulatory clocks: the workspace's now (game time in an exercise), durations, local input.
import type { TFunction } from 'i18next';

/** A span in days/hours or hours/minutes, in the reader's words. */
export function formatSpan(ms: number, t: TFunction): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('clocks.duration.days', { days, hours });
  if (hours > 0) return t('clocks.duration.hours', { hours, minutes: minutes % 60 });
  return t('clocks.duration.minutes', { minutes });
}

/** The value of a datetime-local input for an instant, on this computer's wall clock. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (this computer's wall clock) as a UTC instant, or null when incomplete. */
export function fromLocalInput(value: string): string | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
