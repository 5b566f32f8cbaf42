// Visibrain, Digimind and Mention exports in the layouts our presets expect (see the note in presets.ts: no vendor
// publishes them), French and English headers, each in the encoding and separator that variant ships with.
import { csvLine, type SampleMention, utf16le, utf8, windows1252 } from './importFixtures';

export type PresetExportId = 'visibrain' | 'digimind' | 'mention';

export interface PresetExport {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** iconv name the reader should detect. */
  readonly encoding: string;
  readonly separator: ',' | ';' | '\t';
  /** The header cell the date is read from. */
  readonly dateColumn: string;
  readonly textColumn: string;
  /** 1-based file lines of the hostile rows, when asked for. */
  readonly hostileLines: { readonly badDate: number; readonly noText: number } | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const frWall = (d: Date): string => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
const isoWall = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

interface Layout {
  readonly header: readonly string[];
  readonly date: string;
  readonly text: readonly string[];
  readonly row: (m: SampleMention, i: number) => Record<string, string | number>;
  readonly separator: PresetExport['separator'];
  readonly encode: (text: string) => Uint8Array;
  readonly encoding: string;
  readonly newline: string;
}

const tone = (i: number, fr: boolean): string => [fr ? 'Négatif' : 'Negative', fr ? 'Neutre' : 'Neutral', fr ? 'Positif' : 'Positive'][i % 3]!;

const LAYOUTS: Record<PresetExportId, Record<'fr' | 'en', Layout>> = {
  // Visibrain: UTF-8 with BOM for Excel; semicolons under French Excel, commas in English.
  visibrain: {
    fr: {
      header: ['ID du post', 'Date de publication', 'Réseau social', 'Nom de l’auteur', 'Pseudo de l’auteur', 'Abonnés de l’auteur', 'Compte certifié', 'Type de compte', 'Texte du post', 'Lien du post', 'Langue', 'Tonalité', 'J’aime', 'Partages', 'Commentaires', 'Hashtags'],
      date: 'Date de publication',
      text: ['Texte du post'],
      row: (m, i) => ({ 'ID du post': m.id, 'Date de publication': frWall(m.date), 'Réseau social': 'X', 'Nom de l’auteur': m.name, 'Pseudo de l’auteur': m.author, 'Abonnés de l’auteur': m.followers, 'Compte certifié': i % 5 ? 'Non' : 'Oui', 'Type de compte': i % 7 ? 'Particulier' : 'Journaliste', 'Texte du post': m.text, 'Lien du post': m.url, Langue: m.lang === 'fr' ? 'Français' : 'Anglais', Tonalité: tone(i, true), 'J’aime': 12 + i, Partages: 3, Commentaires: 1, Hashtags: '#boycott' }),
      separator: ';',
      encode: (text) => utf8(`\ufeff${text}`),
      encoding: 'utf-8',
      newline: '\r\n',
    },
    en: {
      header: ['Post ID', 'Publication date', 'Social network', 'Author name', 'Author screen name', 'Author followers', 'Verified account', 'Account type', 'Post text', 'Post link', 'Language', 'Tone', 'Likes', 'Shares', 'Comments', 'Hashtags'],
      date: 'Publication date',
      text: ['Post text'],
      row: (m, i) => ({ 'Post ID': m.id, 'Publication date': isoWall(m.date), 'Social network': 'Facebook', 'Author name': m.name, 'Author screen name': m.author, 'Author followers': m.followers, 'Verified account': i % 5 ? 'No' : 'Yes', 'Account type': 'Individual', 'Post text': m.text, 'Post link': m.url, Language: m.lang, Tone: tone(i, false), Likes: 12 + i, Shares: 3, Comments: 1, Hashtags: '' }),
      separator: ',',
      encode: (text) => utf8(`\ufeff${text}`),
      encoding: 'utf-8',
      newline: '\r\n',
    },
  },
  // Digimind: Excel "Unicode text", UTF-16LE with BOM and tabs, in both languages.
  digimind: {
    fr: {
      header: ['ID mention', 'Date', 'Titre', 'Contenu', 'URL', 'Média', 'Type de média', 'Auteur', 'Audience', 'Interactions estimées', 'Tonalité', 'Langue', 'Pays'],
      date: 'Date',
      text: ['Titre', 'Contenu'],
      row: (m, i) => ({ 'ID mention': m.id, Date: frWall(m.date), Titre: m.title, Contenu: m.text, URL: m.url, Média: m.outlet, 'Type de média': 'Presse en ligne', Auteur: m.name, Audience: m.followers, 'Interactions estimées': 40 + i, Tonalité: tone(i, true), Langue: m.lang, Pays: 'Suisse' }),
      separator: '\t',
      encode: (text) => utf16le(text),
      encoding: 'utf-16le',
      newline: '\r\n',
    },
    en: {
      header: ['Mention ID', 'Date', 'Title', 'Content', 'URL', 'Media', 'Media Type', 'Author', 'Audience', 'Estimated Interactions', 'Sentiment', 'Language', 'Country'],
      date: 'Date',
      text: ['Title', 'Content'],
      row: (m, i) => ({ 'Mention ID': m.id, Date: isoWall(m.date), Title: m.title, Content: m.text, URL: m.url, Media: m.outlet, 'Media Type': 'Online news', Author: m.name, Audience: m.followers, 'Estimated Interactions': 40 + i, Sentiment: tone(i, false), Language: m.lang, Country: 'Switzerland' }),
      separator: '\t',
      encode: (text) => utf16le(text),
      encoding: 'utf-16le',
      newline: '\r\n',
    },
  },
  // Mention: ISO 8601 instants with their zone; plain UTF-8 and commas in English, Windows-1252 and semicolons from
  // French Excel.
  mention: {
    fr: {
      header: ['Id', 'Publié le', 'Titre', 'Description', 'Description courte', 'URL d’origine', 'Nom de la source', 'Type de source', 'Nom de l’auteur', 'Pseudo de l’auteur', 'Abonnés de l’auteur', 'Tonalité', 'Portée', 'Langue', 'Pays'],
      date: 'Publié le',
      text: ['Titre', 'Description', 'Description courte'],
      row: (m, i) => ({ Id: m.id, 'Publié le': m.date.toISOString(), Titre: m.title, Description: m.text, 'Description courte': m.text.slice(0, 40), 'URL d’origine': m.url, 'Nom de la source': m.outlet, 'Type de source': 'web', 'Nom de l’auteur': m.name, 'Pseudo de l’auteur': m.author, 'Abonnés de l’auteur': m.followers, Tonalité: tone(i, true), Portée: m.followers * 3, Langue: m.lang, Pays: 'CH' }),
      separator: ';',
      encode: windows1252,
      encoding: 'windows-1252',
      newline: '\r\n',
    },
    en: {
      header: ['Id', 'Published at', 'Title', 'Description', 'Description short', 'Original URL', 'Source name', 'Source type', 'Author name', 'Author username', 'Author followers', 'Tone', 'Reach', 'Language', 'Country'],
      date: 'Published at',
      text: ['Title', 'Description', 'Description short'],
      row: (m, i) => ({ Id: m.id, 'Published at': m.date.toISOString().replace('.000Z', '+00:00'), Title: m.title, Description: m.text, 'Description short': m.text.slice(0, 40), 'Original URL': m.url, 'Source name': m.outlet, 'Source type': 'twitter', 'Author name': m.name, 'Author username': m.author, 'Author followers': m.followers, Tone: tone(i, false), Reach: m.followers * 3, Language: m.lang, Country: 'CH' }),
      separator: ',',
      encode: utf8,
      encoding: 'utf-8',
      newline: '\n',
    },
  },
};

/**
 * The export of `mentions` in a preset's layout. With `hostile`, two rows are slipped in after the second and
 * fourth mentions: one with an impossible date, one with every text column empty.
 */
export function presetExport(preset: PresetExportId, language: 'fr' | 'en', mentions: readonly SampleMention[], hostile = false): PresetExport {
  const layout = LAYOUTS[preset][language];
  const line = (cells: Record<string, string | number>): string => csvLine(layout.header.map((h) => cells[h] ?? ''), layout.separator);
  const lines = [csvLine(layout.header, layout.separator), ...mentions.map((m, i) => line(layout.row(m, i)))];
  let hostileLines: PresetExport['hostileLines'] = null;
  if (hostile && mentions.length >= 4) {
    const badDate = { ...layout.row(mentions[0]!, 0), [layout.date]: '31/02/2026 25:61' };
    const noText = { ...layout.row(mentions[1]!, 1), ...Object.fromEntries(layout.text.map((column) => [column, ''])) };
    // Hostile rows carry ids of their own, so that they cannot pass for the good rows they were copied from.
    for (const [row, id] of [[badDate, 'hostile-date'], [noText, 'hostile-text']] as const) {
      const idColumn = layout.header[0]!;
      row[idColumn] = id;
    }
    lines.splice(3, 0, line(badDate));
    lines.splice(6, 0, line(noText));
    hostileLines = { badDate: 4, noText: 7 };
  }
  return {
    name: `${preset}-${language}.${layout.separator === '\t' ? 'txt' : 'csv'}`,
    bytes: layout.encode(`${lines.join(layout.newline)}${layout.newline}`),
    encoding: layout.encoding,
    separator: layout.separator,
    dateColumn: layout.date,
    textColumn: layout.text[layout.text.length - 1]!,
    hostileLines,
  };
}
