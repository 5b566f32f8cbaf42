// A push feed a pull source can add for low latency (Mastodon streaming, Bluesky Jetstream). Polling stays on
// as the fallback and as the catch-up after every reconnection, so a dropped stream never loses posts.
import type { MentionInput, SourceKind } from '../../../../shared/domain/mention';

export interface LiveEndpoint {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LiveFrame {
  readonly mentions: readonly MentionInput[];
  /** Position to resume from after a reconnection (Jetstream's time_us), when the feed has one. */
  readonly resume?: string;
  /** The frame could not be read (garbage, unexpected shape). */
  readonly malformed?: boolean;
}

export interface LiveFeed {
  readonly kind: SourceKind;
  /** Where to connect for this source; undefined when it has no live feed (search mode, no token, not configured). */
  endpoint(
    config: Readonly<Record<string, unknown>>,
    credentials: Readonly<Record<string, string>>,
    resume: string | undefined,
    /** The poller's saved cursor, where a connector keeps what it learnt (e.g. the streaming host). */
    cursor: Readonly<Record<string, unknown>> | null,
  ): LiveEndpoint | undefined;
  /** Built once per connection (keyword matchers compiled once), then called for every frame. */
  reader(config: Readonly<Record<string, unknown>>): (frame: string) => LiveFrame;
}
