// Tooltip and zoom-slider times in the reader's zone: day and hour, the day alone for buckets of whole days.
export function timeLabel(iso: string, language: string, withTime: boolean, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
}
