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

/** More than everyone alive: a value no account's audience can reach, so a misread column or a hostile file. */
const MAX_AUDIENCE = 9_000_000_000;
const EMPTY = /^(?:|-|–|n\/?a|null|none|unknown|inconnu)$/i;

/** An audience cell: empty is fine (undefined); a value that is not a plausible count is an error for its row. */
export function parseAudience(raw: string): { readonly ok: true; readonly value?: number } | { readonly ok: false } {
  if (EMPTY.test(raw.trim())) return { ok: true };
  const value = parseCount(raw);
  return value === undefined || value > MAX_AUDIENCE ? { ok: false } : { ok: true, value };
}
