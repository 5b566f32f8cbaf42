// WebSocket connections under the same rule as every request: the workspace's network policy (sealed mode,
// allow-list) is asked first, with ws:/wss: judged as the http:/https: origin of the same host, and the address
// the host name resolves to is checked by the connection's own look-up.
import WebSocket from 'ws';
import { healthMessage, healthText, type HealthMessage } from '../../../../shared/domain/healthMessage';
import { checkedLookup, systemResolve, type Resolve } from '../../../platform/net/resolvedAddress';

export type Refusal = (url: URL) => HealthMessage | undefined;

export interface AddressRule {
  readonly resolve?: Resolve;
  /** The allow-list entry says this host is on the local network (it may resolve to a private address). */
  readonly localNetwork?: boolean;
}

/** Largest frame accepted: a post is a few kilobytes; anything far larger is a broken or hostile server. */
const MAX_FRAME_BYTES = 1024 * 1024;
const HANDSHAKE_TIMEOUT_MS = 15_000;

export class SocketRefused extends Error {
  constructor(readonly health: HealthMessage) {
    super(healthText(health));
    this.name = 'SocketRefused';
  }
}

export function httpEquivalent(url: URL): URL {
  const copy = new URL(url.toString());
  if (copy.protocol === 'wss:') copy.protocol = 'https:';
  else if (copy.protocol === 'ws:') copy.protocol = 'http:';
  return copy;
}

export function openGatedSocket(rawUrl: string, headers: Readonly<Record<string, string>> | undefined, refusal: Refusal, address: AddressRule = {}): WebSocket {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new SocketRefused(healthMessage('liveInvalidAddress', { url: rawUrl.slice(0, 200) }));
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new SocketRefused(healthMessage('liveProtocol', { protocol: url.protocol }));
  const refused = refusal(httpEquivalent(url));
  if (refused) throw new SocketRefused(refused);
  return new WebSocket(url, {
    headers: { ...headers },
    maxPayload: MAX_FRAME_BYTES,
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    followRedirects: false,
    lookup: checkedLookup(address.resolve ?? systemResolve, address.localNetwork ?? false),
  });
}
