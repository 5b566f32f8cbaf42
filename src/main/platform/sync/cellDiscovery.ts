// Finding the cell's laptops on the LAN by multicast DNS (RFC 6762/6763), on the one interface cell sync listens on.
// Each laptop announces a `_tocsin-cell._tcp` service: its device id as the instance, its sync port, and the cell id
// in a TXT record; nothing secret. What is found is only an address to dial: mutual TLS with the cell's authority
// still decides who may talk, so a forged announcement costs a refused handshake and nothing more.
import makeMdns from 'multicast-dns';
import { isIPv4 } from 'node:net';

export const SERVICE = '_tocsin-cell._tcp.local';
const DEVICE = /^[0-9a-f]{32}$/;
const MDNS_GROUP = '224.0.0.251';

export interface FoundPeer {
  readonly deviceId: string;
  readonly host: string;
  readonly port: number;
}

export interface CellDiscoveryOptions {
  readonly cellId: string;
  readonly deviceId: string;
  /** The interface address cell sync listens on: the only one announced on and listened to. */
  readonly host: string;
  readonly port: number;
  readonly onFound: (peer: FoundPeer) => void;
  /** mDNS's own port, 5353 but in tests. */
  readonly mdnsPort?: number;
  /** How often the cell's laptops are asked for again (a laptop that comes later answers the next question). */
  readonly queryEveryMs?: number;
  readonly onWarning?: (error: Error) => void;
}

type Record = { name: string; type: string; data: unknown; ttl?: number };

/** Announces this laptop and reports the other laptops of its cell until `stop`. IPv4 only, as multicast-dns's group. */
export class CellDiscovery {
  readonly #mdns: ReturnType<typeof makeMdns>;
  readonly #options: CellDiscoveryOptions;
  readonly #timer: NodeJS.Timeout;
  readonly #instance: string;

  constructor(options: CellDiscoveryOptions) {
    if (!isIPv4(options.host)) throw new Error('mDNS discovery needs an IPv4 interface address');
    this.#options = options;
    this.#instance = `${options.deviceId}.${SERVICE}`;
    // Bound to the wildcard so the group's packets arrive, joined and sending on the cell's interface only.
    this.#mdns = makeMdns({ port: options.mdnsPort ?? 5353, interface: options.host, bind: '0.0.0.0', ip: MDNS_GROUP, reuseAddr: true, loopback: true });
    this.#mdns.on('warning', (error: Error) => options.onWarning?.(error));
    this.#mdns.on('error', (error: Error) => options.onWarning?.(error));
    this.#mdns.on('query', (query: { questions: { name: string; type: string }[] }) => {
      if (query.questions.some((q) => (q.type === 'PTR' || q.type === 'ANY') && q.name === SERVICE)) this.#announce();
    });
    this.#mdns.on('response', (response: { answers?: Record[]; additionals?: Record[] }, rinfo: { address: string }) =>
      this.#read([...(response.answers ?? []), ...(response.additionals ?? [])], rinfo.address),
    );
    this.#mdns.on('ready', () => {
      this.#announce();
      this.#ask();
    });
    this.#timer = setInterval(() => this.#ask(), options.queryEveryMs ?? 10_000);
    this.#timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.#timer);
    return new Promise((resolve) => this.#mdns.destroy(() => resolve()));
  }

  #ask(): void {
    this.#mdns.query({ questions: [{ name: SERVICE, type: 'PTR' }] });
  }

  #announce(): void {
    const { cellId, deviceId, host, port } = this.#options;
    const target = `${deviceId}.local`;
    this.#mdns.respond({
      answers: [{ name: SERVICE, type: 'PTR', ttl: 120, data: this.#instance }],
      additionals: [
        { name: this.#instance, type: 'SRV', ttl: 120, data: { port, target, weight: 0, priority: 0 } },
        { name: this.#instance, type: 'TXT', ttl: 120, data: [`cell=${cellId}`, `device=${deviceId}`] },
        { name: target, type: 'A', ttl: 120, data: host },
      ],
    });
  }

  /** Anyone on the LAN can send anything: only a complete, well-formed announcement of this cell is reported. */
  #read(records: Record[], sender: string): void {
    for (const srv of records) {
      if (srv.type !== 'SRV' || typeof srv.name !== 'string' || !srv.name.endsWith(`.${SERVICE}`) || srv.name === this.#instance) continue;
      const txt = records.find((r) => r.type === 'TXT' && r.name === srv.name);
      const fields = txtFields(txt?.data);
      const deviceId = fields.get('device');
      if (fields.get('cell') !== this.#options.cellId || !deviceId || !DEVICE.test(deviceId) || deviceId === this.#options.deviceId) continue;
      const { port, target } = (srv.data ?? {}) as { port?: unknown; target?: unknown };
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) continue;
      const a = records.find((r) => r.type === 'A' && r.name === target && typeof r.data === 'string' && isIPv4(r.data));
      this.#options.onFound({ deviceId, host: (a?.data as string | undefined) ?? sender, port });
    }
  }
}

/** A TXT record's `key=value` strings (dns-packet gives buffers). */
function txtFields(data: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  for (const item of Array.isArray(data) ? data : []) {
    const text = Buffer.isBuffer(item) ? item.toString('utf8') : typeof item === 'string' ? item : '';
    const at = text.indexOf('=');
    if (at > 0) fields.set(text.slice(0, at), text.slice(at + 1));
  }
  return fields;
}
