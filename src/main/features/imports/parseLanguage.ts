// Exports name languages as codes ("fr", "fr-FR") or words ("French", "Français"); ingestion wants BCP 47.
const NAMES: Readonly<Record<string, string>> = {
  french: 'fr', francais: 'fr', english: 'en', anglais: 'en', german: 'de', allemand: 'de', deutsch: 'de',
  spanish: 'es', espagnol: 'es', italian: 'it', italien: 'it', dutch: 'nl', neerlandais: 'nl',
  portuguese: 'pt', portugais: 'pt', arabic: 'ar', arabe: 'ar',
};

export function parseLanguage(raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  if (/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/.test(value)) {
    const [primary, ...rest] = value.split(/[-_]/);
    return [primary!.toLowerCase(), ...rest].join('-');
  }
  const word = value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  return NAMES[word];
}
