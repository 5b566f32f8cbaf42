// Bluesky does not parse post text: links, mentions and hashtags are facets, ranges in UTF-8 bytes. They are
// found by the rules of Bluesky's own rich-text detection (a mention is a handle under a known top-level
// domain, a link has a scheme or a known domain, a tag has a letter), so a post reads as the app would write it.
import tlds from 'tlds';

export interface ByteRange {
  readonly byteStart: number;
  readonly byteEnd: number;
}

export type FacetFeature =
  | { readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }
  | { readonly $type: 'app.bsky.richtext.facet#mention'; readonly did: string }
  | { readonly $type: 'app.bsky.richtext.facet#tag'; readonly tag: string };

export interface Facet {
  readonly index: ByteRange;
  readonly features: readonly [FacetFeature];
}

/** What the text names, before handles are resolved to DIDs. */
export interface DetectedFacets {
  readonly links: readonly { readonly index: ByteRange; readonly uri: string }[];
  readonly mentions: readonly { readonly index: ByteRange; readonly handle: string }[];
  readonly tags: readonly { readonly index: ByteRange; readonly tag: string }[];
}

const TOP_LEVEL_DOMAINS = new Set<string>(tlds);
const MENTION = /(^|\s|\()@([a-zA-Z0-9.-]+)\b/g;
const LINK = /(^|\s|\()((https?:\/\/\S+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)\S*))/gim;
// Characters that end a tag: whitespace, and the invisible joiners and hyphens a tag must not swallow.
const NOT_TAG = '\\s\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20e2';
// eslint-disable-next-line no-misleading-character-class -- the class lists the joiners one by one, none is meant to combine
const TAG = new RegExp(`(^|\\s)[#＃]((?!\\ufe0f)[^${NOT_TAG}]*[^\\d\\p{P}${NOT_TAG}]+[^${NOT_TAG}]*)?`, 'gu');
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const MAX_TAG_LENGTH = 64;

const encoder = new TextEncoder();
const bytesBefore = (text: string, index: number): number => encoder.encode(text.slice(0, index)).length;
const range = (text: string, start: number, end: number): ByteRange => ({ byteStart: bytesBefore(text, start), byteEnd: bytesBefore(text, end) });

/** A domain whose last label is a top-level domain in use (handles under .test are accepted, as Bluesky does). */
function knownDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  return dot > 0 && TOP_LEVEL_DOMAINS.has(domain.slice(dot + 1));
}

export function detectFacets(text: string): DetectedFacets {
  const mentions: DetectedFacets['mentions'][number][] = [];
  for (const m of text.matchAll(MENTION)) {
    const handle = m[2]!;
    if (!knownDomain(handle) && !handle.endsWith('.test')) continue;
    const start = m.index + m[1]!.length;
    mentions.push({ index: range(text, start, start + 1 + handle.length), handle });
  }
  const links: DetectedFacets['links'][number][] = [];
  for (const m of text.matchAll(LINK)) {
    let uri = m[2]!;
    if (!/^https?:\/\//i.test(uri)) {
      if (!m.groups?.domain || !knownDomain(m.groups.domain)) continue;
      uri = `https://${uri}`;
    }
    const start = m.index + m[1]!.length;
    let end = start + m[2]!.length;
    // Sentence punctuation after a link is not part of it, nor a closing parenthesis it did not open.
    if (/[.,;:!?]$/.test(uri)) {
      uri = uri.slice(0, -1);
      end -= 1;
    }
    if (uri.endsWith(')') && !uri.includes('(')) {
      uri = uri.slice(0, -1);
      end -= 1;
    }
    links.push({ index: range(text, start, end), uri });
  }
  const tags: DetectedFacets['tags'][number][] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = (m[2] ?? '').trim().replace(TRAILING_PUNCTUATION, '');
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) continue;
    const start = m.index + m[1]!.length;
    tags.push({ index: range(text, start, start + 1 + tag.length), tag });
  }
  return { links, mentions, tags };
}

/**
 * The facets of a post: links and tags as detected, mentions with the DID their handle resolves to. A handle
 * that does not resolve stays plain text, as in the Bluesky app.
 */
export function facetsOf(detected: DetectedFacets, dids: ReadonlyMap<string, string>): Facet[] {
  const facets: Facet[] = [
    ...detected.links.map((l): Facet => ({ index: l.index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: l.uri }] })),
    ...detected.mentions.flatMap((m): Facet[] => {
      const did = dids.get(m.handle);
      return did ? [{ index: m.index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] }] : [];
    }),
    ...detected.tags.map((t): Facet => ({ index: t.index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: t.tag }] })),
  ];
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}
