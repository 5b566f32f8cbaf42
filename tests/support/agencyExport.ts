// A week-long Brandwatch-style agency export, generated from a seed: FR/EN chatter about a bank, a positive
// campaign on day 3, a data-leak crisis on day 6 with its own words, a 250k-follower journalist posting 20 minutes
// after the crisis begins, and a few rows about nothing the watches follow. Dates are written without a zone, as
// wall-clock times in the zone the agency worked in. The same seed and size give the same bytes.
import { csvLine } from './importFixtures';

export interface AgencyExportOptions {
  /** Rows about the week (hostile rows come on top). */
  readonly rows?: number;
  readonly seed?: number;
  /** IANA zone the dates are written in, without saying so. */
  readonly timeZone?: string;
  /** Rows a file should be refused for, each with its own defect: bad date, absurd reach, no text. */
  readonly hostileRows?: number;
  /** Starts every row id and link: exports imported into one shared backend must not share posts. */
  readonly idPrefix?: string;
}

export type RowKind = 'chatter' | 'campaign' | 'crisis' | 'offTopic' | 'journalist';

export interface AgencyRow {
  readonly kind: RowKind;
  readonly id: string;
  /** The instant the post was published (UTC), of which the file shows only the wall clock. */
  readonly publishedAt: Date;
  readonly wallClock: string;
  readonly language: 'fr' | 'en';
  readonly author: string;
  readonly name: string;
  readonly accountType: string;
  readonly verified: boolean;
  readonly followers: number;
  readonly sentiment: 'positive' | 'neutral' | 'negative';
  readonly hashtags: readonly string[];
  readonly title: string;
  readonly text: string;
}

export interface AgencyExport {
  readonly csv: string;
  readonly rows: readonly AgencyRow[];
  /** 1-based file lines of the hostile rows, by defect. */
  readonly hostileLines: { readonly badDate: number[]; readonly absurdReach: number[]; readonly noText: number[] };
  readonly timeZone: string;
  /** Local midnight that opens the week, and the week's end (UTC). */
  readonly weekStart: Date;
  readonly weekEnd: Date;
  readonly campaignStart: Date;
  readonly crisisStart: Date;
  readonly journalist: AgencyRow;
  /** File line of each generated row, by row id. */
  readonly lineOf: ReadonlyMap<string, number>;
}

/** Watches that sort the export the way a bank's cell would: the brand, and the leak. */
export const AGENCY_WATCHES: Readonly<Record<'brand' | 'leak', { name: string; keywords: string[] }>> = {
  brand: { name: 'Banque Helvetia', keywords: ['Helvetia'] },
  leak: { name: 'Fuite de données', keywords: ['fuite de données', 'data leak', 'HelvetiaLeak', 'données clients'] },
};

/** The words only crisis posts use, as written. */
export const CRISIS_WORDS = ['fuite de données', '#HelvetiaLeak'] as const;

const HEADER = [
  'Query Id', 'Query Name', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Language', 'Country', 'Author',
  'Full Name', 'Full Text', 'Snippet', 'Thread Id', 'Resource Id', 'Account Type', 'Twitter Verified', 'Hashtags',
  'Reach (new)', 'Twitter Followers', 'Impact',
];

const CHATTER: readonly [string, 'fr' | 'en', AgencyRow['sentiment']][] = [
  ['Ouvert un compte chez Banque Helvetia ce matin, accueil correct.', 'fr', 'neutral'],
  ['L’appli Helvetia plante encore au moment de payer, agaçant.', 'fr', 'negative'],
  ['Helvetia relève ses taux d’épargne, bonne nouvelle pour les petits épargnants.', 'fr', 'positive'],
  ['Quelqu’un sait si l’agence Helvetia de Lausanne ouvre le samedi ?', 'fr', 'neutral'],
  ['Conseillère Helvetia très à l’écoute pour mon prêt hypothécaire.', 'fr', 'positive'],
  ['Frais de tenue de compte Helvetia en hausse, je compare les offres.', 'fr', 'negative'],
  ['Helvetia Bank app finally supports instant transfers, nice.', 'en', 'positive'],
  ['Waiting 40 minutes on the Helvetia hotline again.', 'en', 'negative'],
  ['Helvetia quarterly results out today, nothing surprising.', 'en', 'neutral'],
  ['Anyone else banking with Helvetia in Geneva? Thoughts?', 'en', 'neutral'],
];

const CAMPAIGN: readonly [string, 'fr' | 'en'][] = [
  ['Super campagne #HelvetiaPourVous : des conseils gratuits pour les jeunes, bravo Helvetia !', 'fr'],
  ['J’adore la nouvelle pub Helvetia, enfin une banque qui parle simplement. #HelvetiaPourVous', 'fr'],
  ['Merci Helvetia pour l’atelier budget offert aux étudiants #HelvetiaPourVous', 'fr'],
  ['Love the new Helvetia campaign, free financial coaching for students! #HelvetiaPourVous', 'en'],
  ['Great initiative by Helvetia Bank this week #HelvetiaPourVous', 'en'],
];

const CRISIS: readonly [string, 'fr' | 'en'][] = [
  ['Fuite de données chez Helvetia : mes données clients circulent sur un forum ! #HelvetiaLeak', 'fr'],
  ['Helvetia confirme une fuite de données ? Personne ne répond à la hotline. #HelvetiaLeak', 'fr'],
  ['Scandaleux, la fuite de données Helvetia touche des milliers de clients #HelvetiaLeak', 'fr'],
  ['Je ferme mon compte Helvetia après cette fuite de données. #HelvetiaLeak', 'fr'],
  ['Massive data leak at Helvetia Bank, customer records for sale online #HelvetiaLeak', 'en'],
  ['Helvetia data leak: why did nobody warn us? #HelvetiaLeak', 'en'],
];

const OFF_TOPIC: readonly [string, 'fr' | 'en'][] = [
  ['Les taux hypothécaires montent encore en Suisse, dur pour les propriétaires.', 'fr'],
  ['La BNS laisse son taux directeur inchangé.', 'fr'],
  ['Swiss mortgage rates keep climbing this spring.', 'en'],
  ['Fintech funding in Zurich hit a record this quarter.', 'en'],
];

/** Share of the week's rows for each part of the story. */
const SHARES = { campaign: 0.12, crisis: 0.13, offTopic: 0.05 };
/** Relative posting activity by local hour: quiet nights, busy lunch and evening. */
const HOURLY = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3.5, 4, 4, 4, 4.5, 4, 3.5, 3.5, 3.5, 4, 4.5, 4.5, 4, 3, 2, 1.5];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function agencyExport(options: AgencyExportOptions = {}): AgencyExport {
  const total = options.rows ?? 3000;
  const timeZone = options.timeZone ?? 'Europe/Zurich';
  const random = mulberry32(options.seed ?? 19);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const wall = wallClockFormatter(timeZone);
  // The week of 23 March 2026: Zurich moves to summer time on its last day.
  const weekStart = localMidnight(2026, 3, 23, timeZone);
  const weekEnd = localMidnight(2026, 3, 30, timeZone);
  const campaignStart = new Date(localMidnight(2026, 3, 25, timeZone).getTime() + 9 * HOUR);
  const crisisStart = new Date(localMidnight(2026, 3, 28, timeZone).getTime() + 9 * HOUR + 40 * MINUTE);
  const authors = Array.from({ length: 400 }, (_, i) => ({
    handle: `@client_${i}`,
    name: `Client ${i}`,
    followers: Math.floor(50 + random() ** 3 * 20_000),
  }));

  const rows: AgencyRow[] = [];
  const add = (kind: RowKind, at: number, text: string, language: 'fr' | 'en', sentiment: AgencyRow['sentiment'], author = pick(authors), extra: Partial<AgencyRow> = {}): void => {
    const publishedAt = new Date(Math.floor(at / 1000) * 1000);
    rows.push({
      kind,
      id: `${options.idPrefix ?? 'bw'}-${String(rows.length + 1).padStart(6, '0')}`,
      publishedAt,
      wallClock: wall(publishedAt),
      language,
      author: author.handle,
      name: author.name,
      accountType: 'individual',
      verified: false,
      followers: author.followers,
      sentiment,
      hashtags: text.match(/#[\p{L}\p{N}_]+/gu) ?? [],
      title: '',
      text,
      ...extra,
    });
  };

  const campaignRows = Math.round(total * SHARES.campaign);
  const crisisRows = Math.round(total * SHARES.crisis);
  const offTopicRows = Math.round(total * SHARES.offTopic);
  const chatterRows = total - campaignRows - crisisRows - offTopicRows - 1;

  const hourWeights = cumulative(HOURLY);
  const midnights = Array.from({ length: 8 }, (_, day) => localMidnight(2026, 3, 23 + day, timeZone).getTime());
  const anyTimeOfWeek = (): number => {
    const day = Math.floor(random() * 7);
    const start = midnights[day]!;
    // A day is 23 or 25 hours long when the clocks change: spread over its real length.
    const length = midnights[day + 1]! - start;
    const hour = weightedIndex(hourWeights, random());
    return start + ((hour + random()) / 24) * length;
  };
  for (let i = 0; i < chatterRows; i++) {
    const [text, language, sentiment] = pick(CHATTER);
    // The agency's sentiment mostly agrees with the wording; a tenth of it is the agency's own reading.
    add('chatter', anyTimeOfWeek(), text, language, random() < 0.9 ? sentiment : 'neutral');
  }
  for (let i = 0; i < offTopicRows; i++) {
    const [text, language] = pick(OFF_TOPIC);
    add('offTopic', anyTimeOfWeek(), text, language, 'neutral');
  }
  for (let i = 0; i < campaignRows; i++) {
    const [text, language] = pick(CAMPAIGN);
    // Nine hours of campaign, busiest in its first half.
    add('campaign', campaignStart.getTime() + random() ** 1.5 * 9 * HOUR, text, language, 'positive');
  }
  for (let i = 0; i < crisisRows; i++) {
    const [text, language] = pick(CRISIS);
    // The first post opens the crisis; the rest swell over the next hours and tail off by night.
    const at = i === 0 ? crisisStart.getTime() : crisisStart.getTime() + random() ** 2 * 12 * HOUR;
    add('crisis', at, text, language, random() < 0.85 ? 'negative' : 'neutral');
  }
  add(
    'journalist',
    crisisStart.getTime() + 20 * MINUTE,
    'Exclusif : la fuite de données de la Banque Helvetia concerne les dossiers de 80 000 clients, selon nos informations. #HelvetiaLeak',
    'fr',
    'negative',
    { handle: '@claire_mercier_rts', name: 'Claire Mercier', followers: 250_000 },
    { accountType: 'journalist', verified: true, title: 'Fuite de données chez Helvetia : 80 000 clients concernés' },
  );

  rows.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : 1));
  const titleLines = [
    csvLine(['Brandwatch Consumer Research export'], ','),
    csvLine(['Query:', 'Banque Helvetia — semaine 13'], ','),
    csvLine(['From:', wall(weekStart), 'To:', wall(weekEnd)], ','),
    '',
  ];
  const lines = [...titleLines, csvLine(HEADER, ',')];
  const lineOf = new Map<string, number>();
  const hostileLines = { badDate: [] as number[], absurdReach: [] as number[], noText: [] as number[] };
  const hostile = options.hostileRows ?? 0;
  const hostileEvery = hostile > 0 ? Math.max(1, Math.floor(rows.length / hostile)) : Infinity;
  let hostileLeft = hostile;
  rows.forEach((row, i) => {
    lines.push(csvLine(cells(row), ','));
    lineOf.set(row.id, lines.length);
    if (hostileLeft > 0 && i % hostileEvery === hostileEvery - 1) {
      const defect = (['badDate', 'absurdReach', 'noText'] as const)[(hostile - hostileLeft) % 3]!;
      const broken = { ...row, id: `${row.id}-x` };
      const rowCells = cells(broken);
      if (defect === 'badDate') rowCells[2] = '31/02/2026 25:61';
      if (defect === 'absurdReach') rowCells[20] = '99999999999999';
      if (defect === 'noText') [rowCells[3], rowCells[12], rowCells[13]] = ['', '', ''];
      lines.push(csvLine(rowCells, ','));
      hostileLines[defect].push(lines.length);
      hostileLeft--;
    }
  });

  return {
    csv: `\ufeff${lines.join('\r\n')}\r\n`,
    rows,
    hostileLines,
    timeZone,
    weekStart,
    weekEnd,
    campaignStart,
    crisisStart,
    journalist: rows.find((r) => r.kind === 'journalist')!,
    lineOf,
  };
}

function cells(row: AgencyRow): string[] {
  const domain = row.kind === 'journalist' ? 'rts.ch' : 'twitter.com';
  return [
    '2001234567',
    'Banque Helvetia — semaine 13',
    row.wallClock,
    row.title,
    `https://${domain}/${row.author.slice(1)}/status/${row.id}`,
    domain,
    row.sentiment,
    row.kind === 'journalist' ? 'news' : 'twitter',
    row.language,
    'Switzerland',
    row.author,
    row.name,
    row.text,
    row.text.slice(0, 80),
    '',
    row.id,
    row.accountType,
    row.verified ? 'true' : 'false',
    row.hashtags.join(', '),
    String(row.followers * 3),
    String(row.followers),
    String(Math.round(row.followers / 1000)),
  ];
}

/** Wall clock "YYYY-MM-DD HH:mm:ss" of an instant in a zone, as the agency's tool printed it (no zone). */
function wallClockFormatter(timeZone: string): (at: Date) => string {
  // Zone offsets change on quarter hours at the finest: one Intl lookup per quarter hour keeps 15k rows fast.
  const offsets = new Map<number, number>();
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (at) => {
    const quarter = Math.floor(at.getTime() / (15 * MINUTE));
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = offsetMinutes(new Date(quarter * 15 * MINUTE), timeZone);
      offsets.set(quarter, offset);
    }
    const w = new Date(at.getTime() + offset * MINUTE);
    return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes, as Intl names it ("GMT+01:00"). */
function offsetMinutes(at: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The UTC instant of local midnight on a calendar day (midnight itself never falls in a clock change here). */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  return new Date(guess - offsetMinutes(new Date(guess), timeZone) * MINUTE);
}

function cumulative(weights: readonly number[]): number[] {
  const sums: number[] = [];
  weights.reduce((sum, w) => (sums.push(sum + w), sum + w), 0);
  return sums.map((s) => s / sums.at(-1)!);
}

function weightedIndex(sums: readonly number[], r: number): number {
  const i = sums.findIndex((s) => r < s);
  return i === -1 ? sums.length - 1 : i;
}

/** Small, fast, seedable PRNG: the same seed gives the same export on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
