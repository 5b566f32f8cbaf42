// What every connector implements, so scheduling, backoff, health and storage are written once.
import type { MentionInput } from '../../../../shared/domain/mention';
import type { OutboundGate } from '../../../platform/net/outboundGate';

/** Opaque resume point a connector gets back on its next poll (since-id, ETag, cursor…), stored as JSON. */
export type Cursor = Readonly<Record<string, unknown>> | null;

export interface PollContext {
  readonly gate: OutboundGate;
  readonly signal: AbortSignal;
  /** Source settings as saved in the Sources screen (URL, instance, query…), validated by the connector. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Secrets (tokens, app passwords) kept in the encrypted workspace database, never sent to the renderer. */
  readonly credentials: Readonly<Record<string, string>>;
  readonly cursor: Cursor;
  readonly now: Date;
}

export interface PollResult {
  readonly mentions: readonly MentionInput[];
  readonly cursor: Cursor;
  /** Items the connector skipped as malformed, with a reason each (shown in source health). */
  readonly rejected?: readonly { readonly reason: string }[];
}

/** A pull-based connector (feeds, Mastodon, Bluesky search). Push sources (webhook, streaming) feed ingestion directly. */
export interface Connector {
  readonly kind: string;
  /** Default seconds between polls; the scheduler adds backoff after failures. */
  readonly defaultIntervalSeconds: number;
  /** Throws with a human message when the configuration cannot work (used by "test source"). */
  validateConfig(config: unknown): void;
  poll(context: PollContext): Promise<PollResult>;
}
