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
  // No vendor publishes the three layouts below: connectors.md §1.11 found none, nor did a search of public docs.
  // Digimind's columns follow its Social API's mention fields (id, title, content, url, date, media, audience,
  // estimatedInteractions) and Mention's its API's (title, description, description_short, original_url, source_name,
  // source_type, tone, published_at, reach, language, country); Visibrain's, with nothing public at all, are our guess
  // at a posts export. The French headers translate the same. A customer's real export must confirm all three.
  {
    id: 'visibrain',
    signature: [
      'Post ID', 'Publication date', 'Social network', 'Author screen name', 'Author followers', 'Verified account', 'Post text', 'Post link',
      'ID du post', 'Date de publication', 'Réseau social', 'Pseudo de l’auteur', 'Abonnés de l’auteur', 'Compte certifié', 'Texte du post', 'Lien du post',
    ],
    aliases: {
      externalId: ['Post ID', 'ID du post'],
      url: ['Post link', 'Lien du post'],
      text: ['Post text', 'Texte du post'],
      authorHandle: ['Author screen name', 'Pseudo de l’auteur'],
      authorName: ['Author name', 'Nom de l’auteur'],
      accountType: ['Account type', 'Type de compte'],
      verified: ['Verified account', 'Compte certifié'],
      audience: ['Author followers', 'Abonnés de l’auteur'],
      publishedAt: ['Publication date', 'Date de publication'],
      language: ['Language', 'Langue'],
      sourceName: ['Social network', 'Réseau social'],
      likes: ['Likes', 'J’aime'],
      shares: ['Shares', 'Partages'],
      replies: ['Comments', 'Commentaires'],
      sentiment: ['Tone', 'Tonalité'],
      hashtags: ['Hashtags'],
    },
  },
  {
    id: 'digimind',
    signature: ['Mention ID', 'Media Type', 'Estimated Interactions', 'Audience', 'ID mention', 'Type de média', 'Interactions estimées', 'Média'],
    aliases: {
      externalId: ['Mention ID', 'ID mention'],
      url: ['URL'],
      text: ['Content', 'Contenu'],
      title: ['Title', 'Titre'],
      authorHandle: ['Author', 'Auteur'],
      audience: ['Audience'],
      publishedAt: ['Date'],
      language: ['Language', 'Langue'],
      sourceName: ['Media', 'Média'],
      sentiment: ['Sentiment', 'Tonalité'],
    },
  },
  {
    id: 'mention',
    signature: ['Description short', 'Original URL', 'Source name', 'Source type', 'Published at', 'Description courte', 'URL d’origine', 'Nom de la source', 'Type de source', 'Publié le'],
    aliases: {
      externalId: ['Id'],
      url: ['Original URL', 'URL d’origine'],
      text: ['Description', 'Description short', 'Description courte'],
      title: ['Title', 'Titre'],
      authorHandle: ['Author username', 'Pseudo de l’auteur'],
      authorName: ['Author name', 'Nom de l’auteur'],
      audience: ['Author followers', 'Abonnés de l’auteur', 'Reach', 'Portée'],
      publishedAt: ['Published at', 'Publié le'],
      language: ['Language', 'Langue'],
      sourceName: ['Source name', 'Nom de la source'],
      sentiment: ['Tone', 'Tonalité'],
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
