import type { Explanation } from '../../../../shared/domain/detection';

const AUTHORS = 5;
const EMERGING = 8;

/** The why-card of an alert as it opens: its hour is the episode's peak so far. */
export function openingExplanation(fresh: Explanation): Explanation {
  return { ...fresh, peak: { at: fresh.at, mentions: fresh.mentions } };
}

/**
 * The why-card of an open episode after a new look at the last hour: signals, counts and samples are the
 * hour's; influential authors and emerging terms seen since the opening stay (a journalist who wrote twenty
 * minutes in is still behind the episode when the hour has moved past them); the peak is the busiest hour so far.
 */
export function followEpisode(stored: Explanation, fresh: Explanation): Explanation {
  const authors = new Map(stored.topAuthors.map((a) => [a.name, a]));
  for (const a of fresh.topAuthors) {
    const before = authors.get(a.name);
    authors.set(a.name, before ? { ...a, audience: Math.max(a.audience ?? 0, before.audience ?? 0) || a.audience, mentions: Math.max(a.mentions, before.mentions) } : a);
  }
  const freshTerms = new Set(fresh.emerging.map((e) => e.term));
  const peak = stored.peak ?? { at: stored.at, mentions: stored.mentions };
  return {
    ...fresh,
    topAuthors: [...authors.values()].sort((a, b) => (b.audience ?? 0) - (a.audience ?? 0) || b.mentions - a.mentions).slice(0, AUTHORS),
    emerging: [...fresh.emerging, ...stored.emerging.filter((e) => !freshTerms.has(e.term))].slice(0, EMERGING),
    peak: fresh.mentions > peak.mentions ? { at: fresh.at, mentions: fresh.mentions } : peak,
  };
}

/** Whether two why-cards of one episode say the same, leaving aside the minute they were taken. */
export function sameExplanation(a: Explanation, b: Explanation): boolean {
  return JSON.stringify({ ...a, at: null }) === JSON.stringify({ ...b, at: null });
}

/** The signals that fired, by kind and level: what the level banner names. */
export function firedSignature(explanation: Pick<Explanation, 'signals'>): string {
  return explanation.signals
    .filter((s) => s.level !== 'calm')
    .map((s) => `${s.kind}:${s.level}:${s.items.join('|')}`)
    .join(',');
}
