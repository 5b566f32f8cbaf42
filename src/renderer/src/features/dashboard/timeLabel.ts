// Axis and tooltip times in local time: hours only for ranges within a day, day and hour beyond.
export function timeLabel(iso: string, language: string, withDay: boolean): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    ...(withDay ? { day: '2-digit', month: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
