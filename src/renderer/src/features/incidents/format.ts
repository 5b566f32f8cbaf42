// Time wording of the war room: local clock times, H+n deadlines, countdowns.
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatClock(date: Date, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  }).format(date);
}

/** H+30min, H+4, D+1: how crisis cells say a deadline counted from the incident's start. */
export function formatOffset(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `D+${minutes / 1440}`;
  if (minutes >= 60 && minutes % 60 === 0) return `H+${minutes / 60}`;
  if (minutes >= 60) return `H+${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
  return `H+${minutes}min`;
}

/** Signed h:mm:ss until `iso` (negative once passed). */
export function formatCountdown(iso: string, now: number): string {
  const diff = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(diff);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  return `${diff < 0 ? '−' : ''}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
