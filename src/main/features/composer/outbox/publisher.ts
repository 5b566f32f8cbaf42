// What the outbox needs from a network it publishes to; Mastodon and Bluesky implement it.
import { healthMessage, type HealthMessage } from '../../../../shared/domain/healthMessage';
import type { SourceKind } from '../../../../shared/domain/mention';
import { HealthError } from '../../../platform/healthError';
import type { OutboundGate } from '../../../platform/net/outboundGate';

/** One published post, as recorded in the outbox (threads reply to the previous one). */
export interface Posted {
  readonly id: string;
  readonly url: string | null;
  /** Bluesky needs uri + cid to reply to a post. */
  readonly uri?: string;
  readonly cid?: string;
}

export interface PublishContext {
  readonly gate: OutboundGate;
  readonly account: unknown;
  readonly text: string;
  readonly language: 'fr' | 'en';
  /** Stable per outbox row and part: the idempotency key, and the seed of Bluesky's record key. */
  readonly key: string;
  readonly partIndex: number;
  /** When the row was queued: bounds the search for an already-published post. */
  readonly queuedAt: string;
  /** When this post goes out: what the post says as its creation time (never the queueing time). */
  readonly sentAt: string;
  readonly root: Posted | undefined;
  readonly parent: Posted | undefined;
  readonly timeoutMs: number;
  readonly purpose: string;
}

/** Where a reply goes in the thread it answers: the post it answers, and that thread's first post. */
export interface ReplyTarget {
  readonly parent: Posted;
  readonly root: Posted;
}

export interface ChannelPublisher {
  /** Mentions from this kind of source can be answered in their own thread on this network. */
  readonly threadsRepliesTo: SourceKind;
  /** Looks for this exact post on the server: called before re-sending anything a lost answer may have hidden. */
  findExisting(ctx: PublishContext): Promise<Posted | undefined>;
  /** The stored mention's post as this account sees it (by the mention's external id); undefined when gone. */
  findTarget(ctx: PublishContext, externalId: string): Promise<ReplyTarget | undefined>;
  post(ctx: PublishContext): Promise<Posted>;
}

/** `permanent`: retrying cannot help (bad token, rejected content); a person must act. */
export class PublishError extends HealthError {
  constructor(
    health: HealthMessage,
    readonly permanent: boolean,
    /** Not before: the server said when its rate-limit window resets. */
    readonly retryAt?: Date,
  ) {
    super(health);
    this.name = 'PublishError';
  }
}

/**
 * When a rate-limited server accepts requests again: `Retry-After` (seconds or an HTTP date) when sent, else the
 * window's reset, which Bluesky gives in epoch seconds and Mastodon as an ISO date.
 */
export function retryTime(retryAfter: string | null, reset: string | null, now: Date): Date | undefined {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now.getTime() + seconds * 1000 : Date.parse(retryAfter);
    if (Number.isFinite(at)) return new Date(at);
  }
  if (reset === null || reset.trim() === '') return undefined;
  const epoch = Number(reset);
  const at = Number.isFinite(epoch) ? epoch * 1000 : Date.parse(reset);
  return Number.isFinite(at) ? new Date(at) : undefined;
}

/** 408, 429 and 5xx are worth retrying; other 4xx mean the request itself is refused. */
export function errorForStatus(service: string, status: number, body: string): PublishError {
  const detail = body.slice(0, 300).replace(/\s+/g, ' ').trim();
  const transient = status === 408 || status === 429 || status >= 500;
  return new PublishError(healthMessage('publishHttp', { service, status, detail: detail ? `: ${detail}` : '' }), !transient);
}

/** The body as JSON, or undefined: for error bodies, which may be anything. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function parseJson(service: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PublishError(healthMessage('publishNotJson', { service }), false);
  }
}
