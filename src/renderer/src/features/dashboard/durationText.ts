// A bucket width said in the unit people use for it: minutes under an hour, hours under a day, then days.
import type { TFunction } from 'i18next';

export function durationText(minutes: number, t: TFunction): string {
  if (minutes % 1440 === 0) return t('dashboard.duration.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('dashboard.duration.hours', { count: minutes / 60 });
  return t('dashboard.duration.minutes', { count: minutes });
}
