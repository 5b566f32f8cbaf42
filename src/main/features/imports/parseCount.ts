// Reads follower and engagement counts as exports write them: "12 345", "12,345", "1.2K", "3 M".
export function parseCount(raw: string): number | undefined {
  const value = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!value) return undefined;
  const suffix = /^(\d+(?:[.,]\d+)?)([kKmM])$/.exec(value);
  if (suffix) {
    const base = Number(suffix[1]!.replace(',', '.'));
    return Math.round(base * (suffix[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000));
  }
  // Thousands separators only: 12,345 or 12.345 (never decimals for a count).
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(value)) return Number(value.replace(/[.,]/g, ''));
  if (/^\d+(?:\.0+)?$/.test(value)) {
    const n = Math.round(Number(value));
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}
