// Runs inside a network namespace of its own (see cellDiscovery.test.ts): three laptops announce themselves by real
// multicast DNS on loopback, two of one cell and one of another, while a stranger sends a forged and a malformed
// announcement; prints, as JSON, what each of the first cell's laptops found.
import { createSocket } from 'node:dgram';
import makeMdns from 'multicast-dns';
import { CellDiscovery, SERVICE, type FoundPeer } from '../../src/main/platform/sync/cellDiscovery';

const CELL = '6f1c1f55-3c1e-4f36-9d7e-3f0c9a1b2c3d';
const OTHER = '0b7f7a0e-93a4-4c55-8a57-1d1f9a0f4e21';
const device = (c: string): string => c.repeat(32);
const found: Record<string, FoundPeer[]> = { a: [], b: [] };

const a = new CellDiscovery({ cellId: CELL, deviceId: device('a'), host: '127.0.0.1', port: 41001, queryEveryMs: 300, onFound: (p) => found.a?.push(p) });
const b = new CellDiscovery({ cellId: CELL, deviceId: device('b'), host: '127.0.0.1', port: 41002, queryEveryMs: 300, onFound: (p) => found.b?.push(p) });
const c = new CellDiscovery({ cellId: OTHER, deviceId: device('c'), host: '127.0.0.1', port: 41003, queryEveryMs: 300, onFound: () => undefined });

// A stranger answering for this cell with a device id that is not one, and bytes that are no DNS at all.
const stranger = makeMdns({ interface: '127.0.0.1', bind: '0.0.0.0', loopback: true });
stranger.on('query', () => {
  const name = `forged.${SERVICE}`;
  stranger.respond({
    answers: [{ name: SERVICE, type: 'PTR', data: name }],
    additionals: [
      { name, type: 'SRV', data: { port: 41009, target: 'forged.local' } },
      { name, type: 'TXT', data: [`cell=${CELL}`, 'device=not-a-device'] },
    ],
  });
});
const garbage = createSocket('udp4');
garbage.bind(0, '127.0.0.1', () => {
  garbage.setMulticastInterface('127.0.0.1');
  garbage.send(Buffer.from('not a dns packet'), 5353, '224.0.0.251');
});

setTimeout(() => {
  void Promise.all([a.stop(), b.stop(), c.stop()]).then(() => {
    stranger.destroy();
    garbage.close();
    process.stdout.write(JSON.stringify(found));
    process.exit(0);
  });
}, 2_000);
