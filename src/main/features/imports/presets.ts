// Column names of the big monitoring tools' exports (connectors.md §1.11), and how to recognise each export.
import type { ColumnMapping, ImportField, ImportPresetId } from '../../../shared/domain/fileImport';

export interface ImportPreset {
  readonly id: ImportPresetId;
  /** Columns that only this vendor's export has: how the preset is recognised. */
  readonly signature: readonly string[];
  /** For each field, the vendor's column names in order of preference. */
  readonly aliases: Readonly<Partial<Record<ImportField, readonly string[]>>>;
}

export const PRESETS: readonly ImportPreset[] = [
  {
    id: 'brandwatch',
    signature: ['Query Id', 'Query Name', 'Full Text', 'Page Type', 'Thread Id', 'Thread Author', 'Impact', 'Account Type', 'Full Name', 'Expanded URLs'],
    aliases: {
      externalId: ['Resource Id', 'resourceId', 'Mention Id'],
      url: ['Url', 'Original Url'],
      text: ['Full Text', 'fullText', 'Snippet'],
      title: ['Title'],
      authorHandle: ['Author'],
      authorName: ['Full Name', 'fullname'],
      accountType: ['Account Type', 'Author Type'],
      verified: ['Twitter Verified', 'Verified'],
      audience: ['Twitter Followers', 'Followers', 'Reach (new)', 'Reach', 'Potential Audience', 'Impressions'],
      publishedAt: ['Date'],
      language: ['Language'],
      sourceName: ['Domain', 'Page Type'],
      likes: ['Likes', 'Twitter Likes'],
      shares: ['Twitter Retweets', 'Reposts'],
      replies: ['Twitter Reply Count', 'Replies'],
      sentiment: ['Sentiment'],
      hashtags: ['Hashtags'],
    },
  },
  {
    id: 'meltwater',
    signature: ['Hit Sentence', 'Opening Text', 'Influencer', 'Headline', 'Twitter Social Echo', 'Facebook Social Echo', 'AVE', 'Key Phrases', 'Input Name', 'Twitter Authority', 'Alternate Date Format'],
    aliases: {
      externalId: ['Tweet Id'],
      url: ['URL'],
      text: ['Hit Sentence', 'Opening Text'],
      title: ['Headline'],
      authorHandle: ['Twitter Screen Name'],
      authorName: ['Influencer'],
      audience: ['Reach', 'Twitter Followers'],
      publishedAt: ['Date'],
      publishedTime: ['Time'],
      language: ['Language'],
      sourceName: ['Source'],
      sentiment: ['Sentiment'],
      hashtags: ['Hashtags'],
    },
  },
  {
    id: 'talkwalker',
    signature: ['search_indexed', 'source_type', 'post_type', 'lang', 'published', 'content', 'engagement', 'reach', 'extra_author_attributes.name', 'extra_source_attributes.name'],
    aliases: {
      externalId: ['external_id', 'id'],
      url: ['url'],
      text: ['content', 'content_snippet'],
      title: ['title', 'title_snippet'],
      authorHandle: ['extra_author_attributes.short_name', 'extra_author_attributes.id'],
      authorName: ['extra_author_attributes.name', 'author_name'],
      audience: ['reach'],
      publishedAt: ['published'],
      language: ['lang'],
      sourceName: ['extra_source_attributes.name', 'domain_url'],
      likes: ['likes'],
      shares: ['shares'],
      replies: ['comments'],
      sentiment: ['sentiment'],
      hashtags: ['hashtags'],
      verified: ['extra_author_attributes.verified'],
    },
  },
  {
    id: 'generic',
    signature: [],
    aliases: {
      externalId: ['id', 'external_id', 'externalId', 'guid', 'uid'],
      url: ['url', 'link', 'lien', 'permalink'],
      text: ['text', 'content', 'message', 'body', 'texte', 'contenu', 'description', 'snippet'],
      title: ['title', 'titre', 'headline', 'subject', 'sujet'],
      authorHandle: ['handle', 'username', 'screen_name', 'author', 'auteur'],
      authorName: ['author_name', 'name', 'display_name', 'nom'],
      accountType: ['account_type', 'author_type', 'type_de_compte', 'type_auteur'],
      verified: ['verified', 'verifie', 'certifie'],
      audience: ['followers', 'audience', 'reach', 'abonnes', 'portee'],
      publishedAt: ['published_at', 'published', 'date', 'created_at', 'timestamp', 'datetime', 'publie_le'],
      publishedTime: ['time', 'heure'],
      language: ['language', 'lang', 'langue'],
      sourceName: ['source', 'media', 'outlet', 'site', 'domain'],
      likes: ['likes', 'favourites', 'jaime'],
      shares: ['shares', 'reposts', 'retweets', 'partages'],
      replies: ['replies', 'comments', 'commentaires', 'reponses'],
      sentiment: ['sentiment', 'tonalite', 'tone', 'ton'],
      hashtags: ['hashtags', 'mots_dieses'],
    },
  },
];

/** Header comparison ignores case, accents, spaces and punctuation ("Full Text" = "full_text" = "fulltext"). */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const KNOWN_HEADERS = new Set(
  PRESETS.flatMap((preset) => [...preset.signature, ...Object.values(preset.aliases).flat()]).map(normaliseHeader),
);

export function isKnownHeader(cell: string): boolean {
  return KNOWN_HEADERS.has(normaliseHeader(cell));
}

/** The vendor whose distinctive columns are present (at least three of them), else `generic`. */
export function detectPreset(headers: readonly string[]): ImportPreset {
  const present = new Set(headers.map(normaliseHeader));
  let best: { preset: ImportPreset; hits: number } | undefined;
  for (const preset of PRESETS) {
    const hits = preset.signature.filter((column) => present.has(normaliseHeader(column))).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { preset, hits };
  }
  return best?.preset ?? PRESETS[PRESETS.length - 1]!;
}

/** Maps each field to the first of its aliases found in the headers; a column feeds one field at most. */
export function suggestMapping(preset: ImportPreset, headers: readonly string[]): ColumnMapping {
  const byNormalised = new Map<string, string>();
  for (const header of headers) if (!byNormalised.has(normaliseHeader(header))) byNormalised.set(normaliseHeader(header), header);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const [field, aliases] of Object.entries(preset.aliases) as [ImportField, readonly string[]][]) {
    for (const alias of aliases) {
      const header = byNormalised.get(normaliseHeader(alias));
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}
