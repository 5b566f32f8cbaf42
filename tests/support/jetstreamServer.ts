// A loopback Jetstream (/subscribe over WebSocket) sending events shaped as the Jetstream README documents:
// `{did, time_us, kind: "commit", commit: {rev, operation, collection, rkey, record, cid}}`, plus identity and
// account events, deletes, other collections and garbage, and dropped connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface JetstreamServer {
  readonly url: string;
  /** Query strings of every connection, in order (wantedCollections, cursor). */
  readonly connections: URLSearchParams[];
  readonly clients: number;
  send(event: unknown): void;
  sendRaw(frame: string | Buffer): void;
  drop(): void;
  close(): Promise<void>;
}

let clock = 1_773_136_800_000_000;

/** A post creation commit; returns the event with its time_us. */
export function postCommit(did: string, rkey: string, text: string, extra: Record<string, unknown> = {}): { did: string; time_us: number; [k: string]: unknown } {
  clock += 1_000_000;
  return {
    did,
    time_us: clock,
    kind: 'commit',
    commit: {
      rev: `3l${rkey}rev`,
      operation: 'create',
      collection: 'app.bsky.feed.post',
      rkey,
      record: { $type: 'app.bsky.feed.post', createdAt: new Date(clock / 1000).toISOString(), langs: ['fr'], text, ...extra },
      cid: `bafyreid${rkey}`,
    },
  };
}

export async function startJetstream(): Promise<JetstreamServer> {
  const server: Server = createServer((_req, res) => res.writeHead(426).end('Upgrade Required'));
  const wss = new WebSocketServer({ server, path: '/subscribe' });
  const sockets = new Set<WebSocket>();
  const connections: URLSearchParams[] = [];
  wss.on('connection', (socket, req) => {
    connections.push(new URL(req.url ?? '/', 'http://localhost').searchParams);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/subscribe`,
    connections,
    get clients() {
      return sockets.size;
    },
    send: (event) => sockets.forEach((s) => s.send(JSON.stringify(event))),
    sendRaw: (frame) => sockets.forEach((s) => s.send(frame)),
    drop: () => sockets.forEach((s) => s.terminate()),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.terminate());
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
