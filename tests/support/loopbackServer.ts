// A loopback HTTP server that can go down and come back on the same port, with its open sockets cut.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Restartable {
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts every open connection: clients get refused connections. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function restartableServer(handler: (req: IncomingMessage, res: ServerResponse) => void, startUp = true): Promise<Restartable> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async (): Promise<void> => {
    const s = createServer(handler);
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as { port: number }).port;
    server = s;
  };
  const down = async (): Promise<void> => {
    const s = server;
    server = undefined;
    if (!s) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  const url = `http://127.0.0.1:${port}`;
  if (!startUp) await down();
  return {
    url,
    port,
    down,
    up: async () => {
      if (!server) await listen();
    },
    close: down,
  };
}
