// What travels between two laptops of the cell is unreadable on the wire. Two core processes on loopback; B reaches A only
// through a TCP proxy that records every byte both ways (A's and B's earlier addresses are gone, so the proxy is
// the one route). B receives A's crisis log entries through it, and the recording holds none of their text.
// (A laptop never invited and a removed one are refused at the door: mutualTlsNetwork.test.ts and cellSync.test.ts.)
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleCellChild, Laptop } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const MARKER = 'Carillon-wire-5e2d';
const ENTRIES = 15;
const laptops: Laptop[] = [];
const servers: Server[] = [];
afterEach(() => {
  laptops.splice(0).forEach((laptop) => laptop.kill());
  servers.splice(0).forEach((server) => server.close());
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A loopback TCP proxy to `target`, keeping a copy of every byte that crosses it in either direction. */
async function recordingProxy(host: string, target: { host: string; port: number }): Promise<{ address: string; bytes: () => Buffer }> {
  const recorded: Buffer[] = [];
  const server = createServer((inbound) => {
    const outbound = createConnection(target);
    inbound.on('data', (chunk: Buffer) => recorded.push(Buffer.from(chunk)));
    outbound.on('data', (chunk: Buffer) => recorded.push(Buffer.from(chunk)));
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { address: `${host}:${(server.address() as AddressInfo).port}`, bytes: () => Buffer.concat(recorded) };
}

describe('cell traffic on the wire', () => {
  it('carries crisis log entries between two laptops with none of their text in the bytes', async () => {
    const bundle = bundleCellChild(join(tempDir(), 'cellChild.cjs'));
    // No mDNS: A's announcement of its new port would give B a second route, around the proxy.
    const [a, b] = [new Laptop(bundle, tempDir(), { TOCSIN_CELL_MDNS: 'off' }), new Laptop(bundle, tempDir(), { TOCSIN_CELL_MDNS: 'off' })];
    laptops.push(a, b);
    await Promise.all([a.ready, b.ready]);
    await a.call('cell:create', { ...ws, memberName: 'Alice', roles: ['lead'] });
    await a.call('cell:start', { ...ws, host: '127.0.0.1' });
    await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: 'Bob', host: '127.0.0.2' });
    await until(() => a.call('cell:status', ws), (s) => s.cell?.members.find((m) => m.name === 'Bob')?.online === true);

    // Both go off; A writes, then comes back on a new port that B cannot know: B's only way to A is the proxy.
    await b.call('cell:stop', ws);
    await a.call('cell:stop', ws);
    for (let i = 0; i < ENTRIES; i += 1) {
      await a.call('crisisLog:append', { ...ws, entry: { kind: 'information', author: 'Alice', body: `Alice #${i} ${MARKER} ${randomBytes(1500).toString('base64')}` } });
    }
    const listening = (await a.call('cell:start', { ...ws, host: '127.0.0.1' })).cell?.listening;
    if (!listening) throw new Error('A is not listening');
    const proxy = await recordingProxy('127.0.0.7', listening);
    await b.call('cell:start', { ...ws, host: '127.0.0.2' });
    await b.call('cell:connect', { ...ws, address: proxy.address });

    const received = await until(
      async () => (await b.call('crisisLog:list', { ...ws, filter: { limit: 100 } })).filter((e) => e.body.includes(MARKER)),
      (entries) => entries.length === ENTRIES,
      // Two laptops' start-up and a reconnection on a machine the suite shares.
      90_000,
    );
    expect(received.every((e) => e.origin?.genuine === true)).toBe(true);
    const wire = proxy.bytes();
    // The control: the entries did cross the proxy. Each carries 1,500 random bytes no compression can shrink, far
    // more than the handshakes and the cell document together.
    expect(wire.length).toBeGreaterThan(ENTRIES * 1500);
    expect(wire.includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
    expect(wire.includes(Buffer.from('Alice #0', 'utf8'))).toBe(false);
  }, 180_000);
});
