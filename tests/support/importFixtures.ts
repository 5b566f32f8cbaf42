// Vendor-style export files built in memory for import tests: the column sets of connectors.md §1.11,
// French accents, and the separators and encodings vendors really use.
import iconv from 'iconv-lite';

export interface SampleMention {
  readonly id: string;
  readonly date: Date;
  readonly author: string;
  readonly name: string;
  readonly followers: number;
  readonly title: string;
  readonly text: string;
  readonly url: string;
  readonly lang: 'fr' | 'en';
  readonly outlet: string;
}

const TEXTS: readonly [string, string, 'fr' | 'en'][] = [
  ['Fuite de données chez Acmé', 'Fuite de données chez Acmé : les clients s’inquiètent, « c’est inadmissible ! »', 'fr'],
  ['Œuvre de communication ratée', 'Le cœur du problème : 1 200 € prélevés deux fois, ça fait mal. #boycott', 'fr'],
  ['Customer anger grows', 'Acme charged me twice, "unacceptable", says the café owner in Zürich', 'en'],
  ['Réponse du service client', 'Élodie du service client répond enfin ; réaction jugée tardive, voire déplacée', 'fr'],
];

/** `count` mentions, one minute apart from 2026-11-20 08:00 local time, cycling through FR/EN texts. */
export function sampleMentions(count: number, prefix = 'm'): SampleMention[] {
  return Array.from({ length: count }, (_, i) => {
    const [title, text, lang] = TEXTS[i % TEXTS.length]!;
    return {
      id: `${prefix}${1000 + i}`,
      date: new Date(2026, 10, 20, 8, i, 0),
      author: `@éloïse_${i}`,
      name: `Éloïse Françoise ${i}`,
      followers: 1000 * (i + 1),
      title: `${title} (${i})`,
      text: `${text} [${i}]`,
      url: `https://news.example.fr/article-${prefix}-${i}?utm_source=x`,
      lang,
      outlet: i % 2 ? 'Le Temps' : 'Boursorama',
    };
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoLocal = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
const frDate = (d: Date): string => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const frTime = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** RFC 4180 quoting for any separator. */
export function csvLine(cells: readonly (string | number)[], separator: string): string {
  return cells
    .map((cell) => {
      const s = String(cell);
      return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(separator);
}

/** Brandwatch Consumer Research UI export: title lines above the header, comma separated, UTF-8 with BOM. */
export function brandwatchCsv(mentions: readonly SampleMention[], separator = ','): string {
  const header = ['Query Id', 'Query Name', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Language', 'Country', 'Author', 'Full Name', 'Full Text', 'Snippet', 'Thread Id', 'Impact', 'Twitter Followers', 'Twitter Retweets', 'Twitter Reply Count', 'Account Type'];
  const lines = [
    csvLine(['Brandwatch Consumer Research export'], separator),
    csvLine(['Query:', 'Acmé — crise'], separator),
    csvLine(['From:', '2026-11-20', 'To:', '2026-11-21'], separator),
    '',
    csvLine(header, separator),
    ...mentions.map((m) =>
      csvLine([1998, 'Acmé — crise', isoLocal(m.date), m.title, m.url, 'news.example.fr', 'negative', 'news', m.lang, 'France', m.author, m.name, m.text, m.text.slice(0, 40), '', 42, m.followers, 3, 1, 'individual'], separator),
    ),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Meltwater Explore export: separate Date and Time columns, semicolon separated (French Excel). */
export function meltwaterCsv(mentions: readonly SampleMention[], separator = ';'): string {
  const header = ['Date', 'Headline', 'URL', 'Opening Text', 'Hit Sentence', 'Source', 'Influencer', 'Country', 'Language', 'Reach', 'Engagement', 'AVE', 'Sentiment', 'Key Phrases', 'Input Name', 'Keywords', 'Tweet Id', 'Twitter Screen Name', 'Twitter Followers', 'Time'];
  const lines = [
    csvLine(header, separator),
    ...mentions.map((m) =>
      csvLine([frDate(m.date), m.title, m.url, m.text.slice(0, 30), m.text, m.outlet, m.name, 'France', m.lang === 'fr' ? 'French' : 'English', m.followers, 12, '1 234,5', 'Negative', 'fuite, données', 'Acmé', 'acmé', m.id, m.author, m.followers, frTime(m.date)], separator),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Talkwalker export: API-style lower-case columns, `published` in epoch milliseconds. */
export function talkwalkerCsv(mentions: readonly SampleMention[], separator = ','): string {
  const header = ['url', 'published', 'search_indexed', 'title', 'content', 'lang', 'sentiment', 'source_type', 'post_type', 'reach', 'engagement', 'extra_author_attributes.name', 'extra_source_attributes.name'];
  const lines = [
    csvLine(header, separator),
    ...mentions.map((m) =>
      csvLine([m.url, m.date.getTime(), m.date.getTime() + 60_000, m.title, m.text, m.lang, -3, 'ONLINENEWS', 'text', m.followers, 7, m.name, m.outlet], separator),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
export const windows1252 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text.replace(/^\ufeff/, ''), 'windows-1252'));
export const utf16le = (text: string, bom = true): Uint8Array =>
  new Uint8Array(iconv.encode(text.replace(/^\ufeff/, ''), 'utf-16le', { addBOM: bom }));
