// The few feed fields Tocsin uses, whatever the format (RSS, Atom, JSON Feed).

export interface FeedEntry {
  readonly id: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly content: string | null;
  readonly description: string | null;
  readonly published: Date | null;
  readonly updated: Date | null;
  readonly author: string | null;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly entries: readonly FeedEntry[];
}
