// File names for exports: kind, incident title reduced to safe ASCII, and the time of export as the person's clock
// read it (their zone, the laptop's by default): a file saved at 09:05 in Geneva is not stamped 0805.
export function exportFileName(
  kind: string,
  title: string,
  at: Date,
  extension: string,
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `tocsin-${kind}-${slug || 'incident'}-${localStamp(at, timeZone)}.${extension}`;
}

/** YYYYMMDD-HHMM in `timeZone`. */
function localStamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}`;
}
