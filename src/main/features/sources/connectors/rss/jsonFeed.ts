// JSON Feed 1.0/1.1 (jsonfeed.org) read into the same shape as parsed RSS/Atom items.
import type { FeedEntry, ParsedFeed } from './feedEntry';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function date(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function authorName(item: Record<string, unknown>): string | null {
  const authors = Array.isArray(item.authors) ? (item.authors as unknown[]) : item.author ? [item.author] : [];
  const first = authors[0];
  return first && typeof first === 'object' ? str((first as Record<string, unknown>).name) : null;
}

export function isJsonFeed(text: string): boolean {
  return /^\s*\{/.test(text);
}

export function parseJsonFeed(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('The JSON is not valid.');
  }
  if (!doc || typeof doc !== 'object' || !String((doc as Record<string, unknown>).version ?? '').includes('jsonfeed.org')) {
    throw new Error('This JSON is not a JSON Feed (no jsonfeed.org version).');
  }
  const feed = doc as Record<string, unknown>;
  const items = Array.isArray(feed.items) ? (feed.items as unknown[]) : [];
  const entries: FeedEntry[] = items
    .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
    .map((item) => ({
      id: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
      url: str(item.url) ?? str(item.external_url),
      title: str(item.title),
      content: str(item.content_html) ?? str(item.content_text),
      description: str(item.summary),
      published: date(item.date_published),
      updated: date(item.date_modified),
      author: authorName(item),
    }));
  return { title: str(feed.title), language: str(feed.language), url: str(feed.home_page_url), entries };
}
