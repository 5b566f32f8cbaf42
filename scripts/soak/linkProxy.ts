// One wire of the soak's network: a TCP proxy on loopback in front of one node's sync address, for the dials of one
// other node. Cutting it resets every connection through it and refuses new ones until it is restored, as a pulled
// cable or a firewall rule would; the two ends notice only through their own sockets.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export class LinkProxy {
  readonly #pairs = new Set<Socket>();
  #cut = false;

  private constructor(
    readonly server: Server,
    readonly port: number,
  ) {}

  static open(target: { host: string; port: number }): Promise<LinkProxy> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const proxy = new LinkProxy(server, (server.address() as AddressInfo).port);
        server.on('connection', (socket) => proxy.#accept(socket, target));
        resolve(proxy);
      });
    });
  }

  get isCut(): boolean {
    return this.#cut;
  }

  cut(): void {
    this.#cut = true;
    for (const socket of this.#pairs) socket.resetAndDestroy();
    this.#pairs.clear();
  }

  restore(): void {
    this.#cut = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  #accept(socket: Socket, target: { host: string; port: number }): void {
    if (this.#cut) {
      socket.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const [from, to] of [
      [socket, upstream],
      [upstream, socket],
    ] as const) {
      this.#pairs.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.#pairs.delete(from);
        to.destroy();
      });
    }
  }
}
