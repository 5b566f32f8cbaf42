// "5 minutes ago" / "il y a 5 minutes" from a number of seconds, in the UI language.
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeSeconds(seconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language === 'fr' ? 'fr' : 'en', { numeric: 'auto' });
  for (const [unit, size] of STEPS) if (Math.abs(seconds) >= size) return format.format(-Math.round(seconds / size), unit);
  return format.format(-Math.round(seconds), 'second');
}
