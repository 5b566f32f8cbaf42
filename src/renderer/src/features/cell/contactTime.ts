// Times of the cell in the reader's local time: the clock time alone when it is today, with the day otherwise.
export function formatContactTime(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const today = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}
