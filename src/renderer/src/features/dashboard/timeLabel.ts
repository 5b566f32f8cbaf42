// Axis and tooltip times in local time: hours only for ranges within a day, day and hour beyond, the day alone
// for buckets of whole days.
export function timeLabel(iso: string, language: string, withDay: boolean, withTime = true): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    ...(withDay ? { day: '2-digit', month: '2-digit' } : {}),
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
}
