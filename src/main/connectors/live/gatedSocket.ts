// WebSocket connections under the same rule as every request: the workspace's network policy (sealed mode,
// allow-list) is asked first, with ws:/wss: judged as the http:/https: origin of the same host.
import WebSocket from 'ws';

export type Refusal = (url: URL) => string | undefined;

/** Largest frame accepted: a post is a few kilobytes; anything far larger is a broken or hostile server. */
const MAX_FRAME_BYTES = 1024 * 1024;
const HANDSHAKE_TIMEOUT_MS = 15_000;

export class SocketRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketRefused';
  }
}

export function httpEquivalent(url: URL): URL {
  const copy = new URL(url.toString());
  if (copy.protocol === 'wss:') copy.protocol = 'https:';
  else if (copy.protocol === 'ws:') copy.protocol = 'http:';
  return copy;
}

export function openGatedSocket(rawUrl: string, headers: Readonly<Record<string, string>> | undefined, refusal: Refusal): WebSocket {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new SocketRefused(`Not a valid address: ${rawUrl.slice(0, 200)}`);
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new SocketRefused(`Live feeds use ws:// or wss:// (${url.protocol}).`);
  const refused = refusal(httpEquivalent(url));
  if (refused) throw new SocketRefused(refused);
  return new WebSocket(url, { headers: { ...headers }, maxPayload: MAX_FRAME_BYTES, handshakeTimeout: HANDSHAKE_TIMEOUT_MS, followRedirects: false });
}
