// A period named as people say it, in local time and the UI language: "1–8 Mar 2026", or with hours when it
// does not start and end at midnight. Periods are [from, to): a period ending at midnight ends the day before.
const locale = (language: string) => (language === 'fr' ? 'fr-FR' : 'en-GB');

const atMidnight = (d: Date) => d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;

export function periodLabel(fromIso: string, toIso: string, language: string): string {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (atMidnight(from) && atMidnight(to)) {
    const lastDay = new Date(to.getTime() - 1);
    return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(from, lastDay);
  }
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).formatRange(from, to);
}

/** A local calendar day ("YYYY-MM-DD", as the date pickers give it) to the UTC instant of its local midnight. */
export function dayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toISOString();
}

/** The local calendar day an instant falls on, as the date pickers want it. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day after a local calendar day, for the exclusive end of a period. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y!, m! - 1, d! + 1).toISOString());
}
