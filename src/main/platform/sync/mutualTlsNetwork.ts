// automerge-repo's network between laptops: WebSocket over TLS 1.3 with mutual authentication. Both ends show a
// certificate from the cell's authority; TLS refuses anyone else before a byte of data, and `refuses` turns away a
// certified laptop the cell has removed. The upstream WebSocket adapters cannot present a client certificate,
// hence this adapter; it frames automerge-repo's own messages (CBOR) and adds only the peer introduction.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { NetworkAdapter, cbor, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo';
import WebSocket, { WebSocketServer, type ClientOptions } from 'ws';
import { inEnglish } from '../i18n/failure';

export interface TlsIdentity {
  /** This laptop's private key, its certificate and the cell authority's certificate, PEM. */
  readonly key: string;
  readonly cert: string;
  readonly ca: string;
}

export interface MutualTlsOptions {
  readonly identity: TlsIdentity;
  /** Asked for every certificate TLS has already verified against the cell authority: true turns the peer away. */
  readonly refuses: (deviceId: string) => boolean;
  readonly retryMs?: number;
  /** Told of every peer turned away at the door, with the reason (a failed handshake, a refused laptop). */
  readonly onRefused?: (reason: string) => void;
}

export interface LinkInfo {
  readonly peerId: PeerId;
  readonly outgoing: boolean;
  readonly address: string | null;
}

interface Link {
  readonly socket: WebSocket;
  readonly outgoing: boolean;
  readonly address: string | null;
  /** The certificate's common name: the only peer id this link may speak for. */
  readonly deviceId: string;
  peerId?: PeerId;
}

interface Dial {
  timer?: NodeJS.Timeout;
  link?: Link;
  /** Learnt on the first introduction, so a link kept from the other direction stops the redialling. */
  peerId?: PeerId;
}

const MAX_MESSAGE = 64 * 1024 * 1024;
const noHostCheck = (() => undefined) as unknown as ClientOptions['checkServerIdentity'];
const HANDSHAKE_MS = 5_000;

export class MutualTlsNetwork extends NetworkAdapter {
  readonly #options: MutualTlsOptions;
  readonly #links = new Set<Link>();
  readonly #byPeer = new Map<PeerId, Link>();
  readonly #dials = new Map<string, Dial>();
  #server: Server | undefined;
  #wss: WebSocketServer | undefined;
  #ready = false;
  #markReady: () => void = () => undefined;
  readonly #whenReady = new Promise<void>((resolve) => (this.#markReady = resolve));

  constructor(options: MutualTlsOptions) {
    super();
    this.#options = options;
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata;
    this.#ready = true;
    this.#markReady();
  }

  send(message: Message): void {
    const link = this.#byPeer.get(message.targetId);
    if (link?.socket.readyState === WebSocket.OPEN) link.socket.send(cbor.encode(message));
  }

  disconnect(): void {
    void this.stop();
    this.emit('close');
  }

  /** Accepts peers on one interface address (never a wildcard: the caller names the LAN address it trusts). */
  listen(host: string, port: number): Promise<{ host: string; port: number }> {
    if (this.#server) throw new Error('Already listening.');
    const { key, cert, ca } = this.#options.identity;
    const server = createServer({ key, cert, ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' });
    server.on('secureConnection', (socket: TLSSocket) => {
      if (this.#refusedSocket(socket)) {
        this.#options.onRefused?.(inEnglish('platform.cell.refusedLaptop', { name: commonName(socket.getPeerCertificate()) ?? inEnglish('platform.cell.unknownLaptop') }));
        socket.destroy();
      }
    });
    server.on('request', (_req, res) => res.writeHead(426).end());
    server.on('tlsClientError', (error) => this.#options.onRefused?.(error.message));
    const wss = new WebSocketServer({ server, maxPayload: MAX_MESSAGE });
    wss.on('connection', (socket, req) => this.#adopt(socket, req.socket as TLSSocket, false, null));
    this.#server = server;
    this.#wss = wss;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve({ host, port: (server.address() as AddressInfo).port });
      });
    });
  }

  /** Keeps a link to `address` (host:port) open, redialling after a loss until `forget` or `stop`. */
  dial(address: string): void {
    if (this.#dials.has(address)) return;
    this.#dials.set(address, {});
    this.#dialNow(address);
  }

  forget(address: string): void {
    const dial = this.#dials.get(address);
    if (!dial) return;
    clearTimeout(dial.timer);
    this.#dials.delete(address);
    dial.link?.socket.terminate();
  }

  /** Closes every link and the listener: this laptop is off the cell until it listens or dials again. */
  async stop(): Promise<void> {
    for (const address of [...this.#dials.keys()]) this.forget(address);
    for (const link of [...this.#links]) link.socket.terminate();
    const server = this.#server;
    this.#wss?.close();
    this.#server = undefined;
    this.#wss = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Cuts the links of peers that became refused (a laptop removed while connected). */
  dropRefused(): void {
    for (const link of [...this.#links]) if (this.#options.refuses(link.deviceId)) link.socket.terminate();
  }

  get links(): LinkInfo[] {
    return [...this.#byPeer.values()].map((link) => ({ peerId: link.peerId as PeerId, outgoing: link.outgoing, address: link.address }));
  }

  get listening(): { host: string; port: number } | null {
    const address = this.#server?.address();
    return address && typeof address === 'object' ? { host: address.address, port: address.port } : null;
  }

  #dialNow(address: string): void {
    const dial = this.#dials.get(address);
    if (!dial) return;
    if (dial.peerId && this.#byPeer.has(dial.peerId)) {
      this.#retry(address);
      return;
    }
    const { key, cert, ca } = this.#options.identity;
    let tls: TLSSocket | undefined;
    const socket = new WebSocket(`wss://${address}/`, {
      key,
      cert,
      ca,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      // Peers are reached by address and proven by the cell authority's signature, not by a host name. Node wants
      // undefined for "no objection"; @types/ws types this option as returning a boolean, which Node reads as an error.
      checkServerIdentity: noHostCheck,
      handshakeTimeout: HANDSHAKE_MS,
      maxPayload: MAX_MESSAGE,
    });
    socket.on('upgrade', (res) => (tls = res.socket as TLSSocket));
    socket.on('open', () => {
      if (tls) dial.link = this.#adopt(socket, tls, true, address);
      else socket.terminate();
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      dial.link = undefined;
      this.#retry(address);
    });
  }

  #retry(address: string): void {
    const dial = this.#dials.get(address);
    if (!dial) return;
    clearTimeout(dial.timer);
    dial.timer = setTimeout(() => this.#dialNow(address), this.#options.retryMs ?? 2_000);
  }

  #refusedSocket(socket: TLSSocket): boolean {
    if (!socket.authorized) return true;
    const deviceId = commonName(socket.getPeerCertificate());
    return deviceId === undefined || this.#options.refuses(deviceId);
  }

  #adopt(socket: WebSocket, tls: TLSSocket, outgoing: boolean, address: string | null): Link | undefined {
    const deviceId = commonName(tls.getPeerCertificate());
    if (!tls.authorized || deviceId === undefined || this.#options.refuses(deviceId) || !this.peerId) {
      socket.terminate();
      return undefined;
    }
    const link: Link = { socket, outgoing, address, deviceId };
    this.#links.add(link);
    socket.on('message', (data: Buffer, isBinary: boolean) => this.#receive(link, data, isBinary));
    socket.on('close', () => this.#drop(link));
    socket.on('error', () => socket.terminate());
    socket.send(cbor.encode({ type: 'join', senderId: this.peerId, peerMetadata: this.peerMetadata ?? {} }));
    return link;
  }

  #receive(link: Link, data: Buffer, isBinary: boolean): void {
    const message = isBinary ? decodeMessage(data) : undefined;
    if (!message || message.senderId !== link.deviceId) {
      link.socket.terminate();
      return;
    }
    if (message.type === 'join') {
      this.#introduce(link, message.senderId as PeerId, message.peerMetadata);
      return;
    }
    if (link.peerId === undefined || this.#byPeer.get(link.peerId) !== link || message.targetId !== this.peerId) return;
    this.emit('message', message as unknown as Message);
  }

  #introduce(link: Link, peerId: PeerId, metadata: unknown): void {
    if (link.peerId !== undefined) return;
    link.peerId = peerId;
    for (const dial of this.#dials.values()) if (dial.link === link) dial.peerId = peerId;
    const existing = this.#byPeer.get(peerId);
    if (existing) {
      // Both laptops dialled each other: each keeps the link opened by the smaller peer id, so they agree.
      const initiator = (l: Link): string => (l.outgoing ? (this.peerId as string) : (l.peerId as string));
      const first = [this.peerId as string, peerId].sort()[0];
      const loser = initiator(link) === first ? existing : link;
      if (loser === link) {
        link.socket.close();
        return;
      }
      this.#byPeer.delete(peerId);
      this.emit('peer-disconnected', { peerId });
      existing.socket.close();
    }
    this.#byPeer.set(peerId, link);
    this.emit('peer-candidate', { peerId, peerMetadata: peerMetadataOf(metadata) });
  }

  #drop(link: Link): void {
    this.#links.delete(link);
    if (link.peerId !== undefined && this.#byPeer.get(link.peerId) === link) {
      this.#byPeer.delete(link.peerId);
      this.emit('peer-disconnected', { peerId: link.peerId });
    }
  }
}

function commonName(certificate: PeerCertificate): string | undefined {
  const cn = certificate?.subject?.CN;
  return typeof cn === 'string' && /^[0-9a-f]{32}$/.test(cn) ? cn : undefined;
}

interface WireMessage {
  readonly type: string;
  readonly senderId: string;
  readonly targetId?: string;
  readonly peerMetadata?: unknown;
}

/** A peer's bytes are hostile until shown otherwise: anything but a typed, addressed message ends the link. */
function decodeMessage(data: Buffer): WireMessage | undefined {
  let value: unknown;
  try {
    value = cbor.decode(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, senderId, targetId } = value as Record<string, unknown>;
  if (typeof type !== 'string' || typeof senderId !== 'string') return undefined;
  if (type !== 'join' && typeof targetId !== 'string') return undefined;
  return value as WireMessage;
}

function peerMetadataOf(value: unknown): PeerMetadata {
  if (typeof value !== 'object' || value === null) return {};
  const { storageId, isEphemeral } = value as Record<string, unknown>;
  return {
    ...(typeof storageId === 'string' ? { storageId: storageId as PeerMetadata['storageId'] } : {}),
    ...(typeof isEphemeral === 'boolean' ? { isEphemeral } : {}),
  };
}
