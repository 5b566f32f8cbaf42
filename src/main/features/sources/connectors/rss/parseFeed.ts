// Any feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → ParsedFeed, or an Error with a human message.
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import type { FeedEntry, ParsedFeed } from './feedEntry';
import { isJsonFeed, parseJsonFeed } from './jsonFeed';
import { inEnglish } from '../../../../platform/i18n/failure';

export class FeedParseError extends Error {
  /** True when the document is something else than a feed; otherwise a feed the parser choked on (`detail`). */
  readonly notAFeed: boolean;
  readonly detail: string;

  constructor(notAFeed: boolean, detail = '') {
    super(notAFeed ? inEnglish('sources.refusals.notAFeed') : inEnglish('sources.refusals.feedUnreadable', { detail }));
    this.name = 'FeedParseError';
    this.notAFeed = notAFeed;
    this.detail = detail;
  }
}

export function parseFeedText(text: string): ParsedFeed {
  if (isJsonFeed(text)) {
    try {
      return parseJsonFeed(text);
    } catch (error) {
      throw new FeedParseError(false, (error instanceof Error ? error.message : String(error)).slice(0, 200));
    }
  }
  try {
    return parseXmlOrEmpty(text);
  } catch (error) {
    // The XML parser rejects internal DTD subsets it cannot expand; feeds never need them, so retry without.
    if (INTERNAL_SUBSET.test(text)) {
      try {
        return parseXmlOrEmpty(text.replace(INTERNAL_SUBSET, ''));
      } catch {
        // Report the first error: it says what is wrong with the document as received.
      }
    }
    throw toParseError(error);
  }
}

/** A well-formed feed with no channel and no item is empty, not broken. */
function parseXmlOrEmpty(text: string): ParsedFeed {
  try {
    return parseXml(text);
  } catch (error) {
    if ((error as { code?: string }).code === 'INVALID_FEED' && FEED_ROOT.test(text.slice(0, SNIFF_CHARS))) {
      return { title: null, language: null, url: null, entries: [] };
    }
    throw error;
  }
}

const SNIFF_CHARS = 64 * 1024;
const INTERNAL_SUBSET = /<!DOCTYPE[^[>]*\[[\s\S]*?\]\s*>/i;
/** Root element of an RSS, RDF or Atom document, after the prolog, comments and doctype. */
const FEED_ROOT = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|rdf:RDF|RDF|feed|channel)[\s>/]/;

function toParseError(error: unknown): FeedParseError {
  const code = (error as { code?: string }).code;
  return code === 'INVALID_FEED' ? new FeedParseError(true) : new FeedParseError(false, String((error as Error).message ?? error).slice(0, 200));
}

/** The parser reads lazily through getters, so hostile documents can fail while mapping, not only in parseFeed. */
function parseXml(text: string): ParsedFeed {
  const feed = parseXmlFeed(text);
  const entries: FeedEntry[] = feed.items.map((item) => ({
    id: item.id,
    url: item.url,
    title: item.title,
    content: item.content,
    description: item.description,
    published: validDate(item.published),
    updated: validDate(item.updated),
    author: item.authors.find((a) => a.name)?.name ?? null,
  }));
  return { title: feed.title, language: feed.language, url: feed.url, entries };
}

const validDate = (d: Date | null): Date | null => (d && !Number.isNaN(d.getTime()) ? d : null);
