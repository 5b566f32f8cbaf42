// Due dates of RETEX actions are calendar days (YYYY-MM-DD): shown in the reader's language, compared with today
// on this computer's own calendar.
const pad = (n: number) => String(n).padStart(2, '0');

const isoDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const todayLocal = (): string => isoDay(new Date());

export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

/** Read at noon UTC and shown in UTC, so the day is the same wherever the screen is. */
export const formatDueDate = (day: string, language: string): string =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
