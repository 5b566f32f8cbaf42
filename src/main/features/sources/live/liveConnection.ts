// One live feed connection for one source: connect through the gated socket, read frames into batches for
// ingestion, reconnect with backoff and jitter, and ask for a REST catch-up after every (re)connection.
import { healthMessage, healthText, type HealthMessage } from '../../../../shared/domain/healthMessage';
import type WebSocket from 'ws';
import type { LiveFeedState } from '../../../../shared/domain/liveFeed';
import type { MentionInput } from '../../../../shared/domain/mention';
import { backoffDelayMs } from '../../../platform/net/backoff';
import type { LiveEndpoint, LiveFrame } from './liveFeed';
import { localAddressCause } from '../../../platform/net/resolvedAddress';
import { openGatedSocket, SocketRefused, type AddressRule, type Refusal } from './gatedSocket';

export type LiveState = LiveFeedState;

export interface LiveConnectionOptions {
  readonly endpoint: (resume: string | undefined) => LiveEndpoint | undefined;
  readonly reader: (frame: string) => LiveFrame;
  readonly refusal: Refusal;
  /** How the endpoint's host name is resolved and whether it may be on the local network. */
  readonly address: (url: URL) => AddressRule;
  /** Stores a batch; the connection waits for it before flushing the next one, so batches never overlap. */
  readonly deliver: (mentions: readonly MentionInput[]) => Promise<void>;
  /** Asks the poller to fetch what the stream may have missed while it was down. */
  readonly catchUp: () => void;
  /** `message` is the translatable form of `detail` when there is one (a refusal by the network policy). */
  readonly onState: (state: LiveState, detail?: string, message?: HealthMessage) => void;
  readonly random: () => number;
  readonly minBackoffMs: number;
  /** No frame nor ping for this long means a silently dead connection. */
  readonly idleTimeoutMs: number;
  readonly flushMs: number;
}

const MAX_BATCH = 500;
const RECONNECT_INTERVAL_MS = 60_000;

export class LiveConnection {
  #socket: WebSocket | undefined;
  #failures = 0;
  #resume: string | undefined;
  #retry: NodeJS.Timeout | undefined;
  #idle: NodeJS.Timeout | undefined;
  #flushTimer: NodeJS.Timeout | undefined;
  #buffer: MentionInput[] = [];
  #flushing: Promise<void> = Promise.resolve();
  #closed = false;
  /** Frames that could not be read since the connection started (shown in logs, never fatal). */
  malformed = 0;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    this.#connect();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearTimeout(this.#idle);
    this.#flush();
    this.#socket?.terminate();
    this.#socket = undefined;
    this.options.onState('closed');
  }

  #connect(): void {
    if (this.#closed) return;
    const endpoint = this.options.endpoint(this.#resume);
    if (!endpoint) return this.options.onState('closed');
    let socket: WebSocket;
    try {
      socket = openGatedSocket(endpoint.url, endpoint.headers, this.options.refusal, this.options.address(new URL(endpoint.url)));
    } catch (error) {
      // Sealed mode or not on the allow-list: try again later, the policy may change.
      this.options.onState('refused', (error as Error).message, error instanceof SocketRefused ? error.health : undefined);
      return this.#scheduleRetry();
    }
    this.#socket = socket;
    this.options.onState('connecting');
    socket.on('open', () => {
      this.#failures = 0;
      this.options.onState('live');
      this.#touch(socket);
      this.options.catchUp();
    });
    socket.on('message', (data, isBinary) => {
      this.#touch(socket);
      if (isBinary) {
        this.malformed++;
        return;
      }
      this.#accept(this.options.reader(data.toString()));
    });
    socket.on('ping', () => this.#touch(socket));
    socket.on('unexpected-response', (_request, response) => {
      socket.emit('error', new Error(`the server answered HTTP ${response.statusCode} instead of opening the live feed`));
      socket.terminate();
    });
    let refused = false;
    socket.on('error', (error) => {
      const local = localAddressCause(error);
      if (!local) return this.options.onState('waiting', error.message);
      // The host resolved to a local address: a refusal by the policy, like sealed mode, not a network hiccup.
      refused = true;
      const message = healthMessage('privateAddress', { host: local.host, address: local.address, range: local.range });
      this.options.onState('refused', healthText(message), message);
    });
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      clearTimeout(this.#idle);
      this.#flush();
      this.options.onState(refused ? 'refused' : 'waiting');
      this.#scheduleRetry();
    });
  }

  #accept(frame: LiveFrame): void {
    if (frame.malformed) this.malformed++;
    // The resume point only moves forward, whatever order (or lies) the frames bring.
    if (frame.resume && (!this.#resume || laterPosition(frame.resume, this.#resume))) this.#resume = frame.resume;
    if (frame.mentions.length === 0) return;
    this.#buffer.push(...frame.mentions);
    if (this.#buffer.length >= MAX_BATCH) this.#flush();
    else if (!this.#flushTimer) this.#flushTimer = setTimeout(() => this.#flush(), this.options.flushMs);
  }

  /** One transaction per batch, batches in order; a failed batch is logged by the caller, never thrown here. */
  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#buffer.length === 0) return;
    const batch = this.#buffer;
    this.#buffer = [];
    this.#flushing = this.#flushing.then(() => this.options.deliver(batch)).catch(() => undefined);
  }

  #touch(socket: WebSocket): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => socket.terminate(), this.options.idleTimeoutMs);
    this.#idle.unref();
  }

  #scheduleRetry(): void {
    if (this.#closed) return;
    this.#failures++;
    const delay = backoffDelayMs(this.#failures, RECONNECT_INTERVAL_MS, this.options.random, undefined, this.options.minBackoffMs);
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#connect(), delay);
    this.#retry.unref();
  }

  /** Resolves once every frame received so far is stored (tests and shutdown). */
  settled(): Promise<void> {
    this.#flush();
    return this.#flushing;
  }
}

/** Positions are decimal integers as text, possibly beyond 2^53. */
const laterPosition = (a: string, b: string): boolean => (a.length !== b.length ? a.length > b.length : a > b);
