// Any feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → ParsedFeed, or an Error with a human message.
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import type { FeedEntry, ParsedFeed } from './feedEntry';
import { isJsonFeed, parseJsonFeed } from './jsonFeed';

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

export function parseFeedText(text: string): ParsedFeed {
  if (isJsonFeed(text)) {
    try {
      return parseJsonFeed(text);
    } catch (error) {
      throw new FeedParseError(error instanceof Error ? error.message : String(error));
    }
  }
  // The parser reads lazily through getters, so hostile documents can fail while mapping, not only in parseFeed.
  try {
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
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new FeedParseError(
      code === 'INVALID_FEED' ? 'This is not an RSS, Atom or JSON feed.' : `The feed cannot be read: ${String((error as Error).message ?? error).slice(0, 200)}`,
    );
  }
}

const validDate = (d: Date | null): Date | null => (d && !Number.isNaN(d.getTime()) ? d : null);
