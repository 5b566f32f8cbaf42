// The generated year of `bench:scale`: N FR/EN mentions over 365 days on 20 watches (brands), with six crises.
// Times follow a diurnal curve plus the crises' waves and are increasing in the mention's index, so ingestion
// runs in time order with the clock following the data, as a year of live listening would.
import type { z } from 'zod';
import type { mentionInputSchema } from '../../src/shared/domain/mention';

/** What a connector hands to ingestion, before defaults. */
type MentionInput = z.input<typeof mentionInputSchema>;
import { seededRandom } from '../../src/main/platform/seededRandom';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const SCALE_END = Date.parse('2026-11-30T12:00:00.000Z');
export const SCALE_START = SCALE_END - 365 * DAY_MS;

export const BRANDS = [
  'ACME', 'Banque Léman', 'Cafés Morand', 'Helvetia Rail', 'Nordlys Énergie', 'Orbis Santé', 'Quartz Telecom', 'Rhône Assurances',
  'Sablon Retail', 'Tessin Air', 'Umbra Cloud', 'Valais Eaux', 'Wega Auto', 'Xylo Foods', 'Yverdon Pharma', 'Zénith Banque',
  'Alpina Média', 'Brévine Mode', 'Cervin Hôtels', 'Dôle Logistique',
] as const;

export interface Crisis {
  readonly watch: number;
  readonly start: number;
  readonly hours: number;
  readonly title: string;
}

/** Six crises over the year: brand index (watch = index + 1), start, length. */
export const CRISES: readonly Crisis[] = [
  { watch: 1, start: SCALE_START + 40 * DAY_MS + 9 * HOUR_MS, hours: 30, title: 'Panne ACME' },
  { watch: 2, start: SCALE_START + 95 * DAY_MS + 7 * HOUR_MS, hours: 72, title: 'Fuite de données Banque Léman' },
  { watch: 5, start: SCALE_START + 150 * DAY_MS + 14 * HOUR_MS, hours: 24, title: 'Coupure Nordlys' },
  { watch: 2, start: SCALE_START + 220 * DAY_MS + 8 * HOUR_MS, hours: 48, title: 'Plainte collective Banque Léman' },
  { watch: 7, start: SCALE_START + 290 * DAY_MS + 10 * HOUR_MS, hours: 36, title: 'Quartz Telecom hors service' },
  { watch: 1, start: SCALE_START + 350 * DAY_MS + 6 * HOUR_MS, hours: 60, title: 'Rappel de produits ACME' },
];

const crisisAt = (t: number) => CRISES.find((c) => t >= c.start && t < c.start + c.hours * HOUR_MS);

const CALM_FR = [
  '{b} lance une nouvelle offre pour ses clients',
  'Très satisfait du service client de {b} aujourd’hui',
  'Quelqu’un sait à quelle heure ouvre {b} demain ?',
  '{b} annonce ses résultats trimestriels',
  'Article intéressant sur la stratégie de {b}',
  'Encore une attente interminable chez {b}',
];
const CALM_EN = [
  '{b} launches a new offer for its customers',
  'Great experience with {b} support today',
  'Does anyone know when {b} opens tomorrow?',
  '{b} reports its quarterly results',
  'Interesting piece on the {b} strategy',
  'Another endless wait at {b}',
];
const CRISIS_FR = [
  'Panne générale chez {b}, impossible de joindre le service client',
  'Fuite de données chez {b} : les données clients exposées',
  'Scandale {b} : les clients demandent un remboursement',
  'Boycott {b} ? Les réseaux sociaux s’enflamment',
  'Pourquoi {b} ne dit rien sur la panne ?',
];
const CRISIS_EN = [
  '{b} outage, customer service unreachable',
  '{b} data breach: customer data exposed',
  '{b} scandal: customers ask for a refund',
  'Boycott {b}? Social media reacts',
  'Why is {b} silent about the outage?',
];
const EXTRA = ['aujourd’hui', 'vraiment', 'encore', 'merci', 'today', 'really', 'again', 'thanks', 'Genève', 'Zürich', 'Paris', 'London'];

/** Cumulative weight of each hour of the year: a diurnal curve, crises ×12 on their hours. */
function hourCdf(): Float64Array {
  const hours = 365 * 24;
  const cdf = new Float64Array(hours);
  let sum = 0;
  for (let h = 0; h < hours; h += 1) {
    const t = SCALE_START + h * HOUR_MS;
    const hourOfDay = new Date(t).getUTCHours();
    const base = 0.25 + Math.max(0, Math.sin(((hourOfDay - 6) / 16) * Math.PI));
    sum += base * (crisisAt(t) ? 12 : 1);
    cdf[h] = sum;
  }
  return cdf;
}

let cdf: Float64Array | undefined;

/** Publication time of mention i of n: the inverse of the hours' cumulative weight, increasing in i. */
export function timeOf(i: number, n: number): number {
  cdf ??= hourCdf();
  const target = ((i + 0.5) / n) * cdf[cdf.length - 1]!;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const before = lo === 0 ? 0 : cdf[lo - 1]!;
  const within = (target - before) / (cdf[lo]! - before);
  return SCALE_START + lo * HOUR_MS + Math.floor(within * HOUR_MS);
}

/** Brand popularity: a few large brands, a long tail. */
const BRAND_CDF = (() => {
  const w = BRANDS.map((_, k) => 1 / (k + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();

/** Mentions from … from + count − 1 of n. */
export function scaleMentions(from: number, count: number, n: number): MentionInput[] {
  const out: MentionInput[] = [];
  for (let i = from; i < from + count; i += 1) {
    const random = seededRandom(0x5ca1e * 1_000_003 + i);
    const t = timeOf(i, n);
    const crisis = crisisAt(t);
    const inCrisis = crisis !== undefined && random() < 0.7;
    const pick = random();
    const brand = inCrisis ? BRANDS[crisis.watch - 1]! : BRANDS[Math.max(0, BRAND_CDF.findIndex((c) => pick < c))]!;
    const fr = random() < 0.55;
    const templates = inCrisis || random() < 0.08 ? (fr ? CRISIS_FR : CRISIS_EN) : fr ? CALM_FR : CALM_EN;
    const text = `${templates[Math.floor(random() * templates.length)]!.replace('{b}', brand)} ${EXTRA[Math.floor(random() * EXTRA.length)]} #${i % 97}`;
    out.push({
      externalId: `scale-${i}`,
      url: `https://social.example/@user${i % 50_000}/${i}`,
      author: { handle: `@user${i % 50_000}`, displayName: `User ${i % 50_000}`, audience: Math.floor(random() ** 4 * 300_000) },
      text,
      language: fr ? 'fr' : 'en',
      publishedAt: new Date(t).toISOString(),
      engagement: { likes: Math.floor(random() * 50), shares: Math.floor(random() * 10) },
    });
  }
  return out;
}
