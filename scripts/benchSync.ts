// npm run bench:sync -- [--seconds=30] [--rate=10] [--catchup=10000] [--mentions=100000] [--stages]
// Four laptops (core processes with their own data folders) on loopback 127.0.0.1–4 form one cell through the
// contract (create, invite, join). Each writes `rate` crisis log entries a second for `seconds`; every laptop
// reports, from its own side (on `crisisLog:changed`, through `crisisLog:list`), when each entry became readable.
// An entry's latency is the time from its write on its laptop to its presence on the last of the three others.
// Then the fourth laptop stops, the other three write `catchup` entries and ingest `mentions` mentions between them,
// and it restarts: catch-up is the time from its restart to its read model holding every entry and its stream every
// mention of the cell (counted on its side, through the contract).
// Last lines: `sync p50_ms=… p95_ms=… peers=4` and `catchup seconds=… entries=… mentions=…`, each followed by the
// machine's load average when it was measured. `--stages` also prints where the time goes (see bench/syncStages);
// `--catchup=0 --mentions=0` leaves the catch-up out.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import type { CellStatus } from '../src/shared/contract/cell';
import type { PeerRequest } from './bench/syncPeer';
import { STAGES, type Stamps } from './bench/syncStages';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '10' },
    catchup: { type: 'string', default: '10000' },
    mentions: { type: 'string', default: '100000' },
    stages: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(flags.seconds);
const RATE = Number(flags.rate);
const CATCHUP = Number(flags.catchup);
const MENTIONS = Number(flags.mentions);
const WS = { workspaceId: 'live' };
const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class Peer {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;
  /** When this laptop first read each entry. */
  readonly seen = new Map<string, number>();
  #next = 1;

  constructor(
    bundle: string,
    readonly dataDir: string,
  ) {
    this.#child = fork(bundle, [dataDir, ...(flags.stages ? ['--stages'] : [])], { execArgv: process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/relayprof'] : [], env: { ...process.env, NODE_PATH: resolve('node_modules') }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((ready, fail) => {
      this.#child.once('exit', (code) => fail(new Error(`laptop exited early (${code})`)));
      this.#child.on('message', (m: { ready?: true; id?: number; value?: unknown; error?: string; seen?: string[]; at?: number }) => {
        if (m.ready) ready();
        else if (m.seen && m.at !== undefined) for (const id of m.seen) this.seen.set(id, m.at);
        else if (m.id !== undefined) {
          const pending = this.#pending.get(m.id);
          this.#pending.delete(m.id);
          if (m.error !== undefined) pending?.reject(new Error(m.error));
          else pending?.resolve(m.value);
        }
      });
    });
  }

  send<T>(request: DistributiveOmit<PeerRequest, 'id'>): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolveCall, reject) => {
      this.#pending.set(id, { resolve: resolveCall as (v: unknown) => void, reject });
      this.#child.send({ ...request, id });
    });
  }

  call<T>(name: string, input: unknown): Promise<T> {
    return this.send<T>({ op: 'call', name: name as never, input });
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.#child.once('exit', r));
    await this.send({ op: 'close' });
    await exited;
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The machine's 1-minute load average, its CPU count and their ratio: a figure measured on a shared machine says how
 * busy it was (above 1 per CPU, runnable work waits for a core; the bench's own four laptops count in it).
 */
const load = (): string => {
  const [one = 0] = loadavg();
  return `load=${one.toFixed(2)} cpus=${cpus().length} load_per_cpu=${(one / cpus().length).toFixed(2)}`;
};
const status = (peer: Peer) => peer.call<CellStatus>('cell:status', WS);
const pct = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

interface Written {
  readonly id: string;
  readonly at: number;
  readonly committed: number;
}

/**
 * Per stage, the time entries spent in it, over every (entry, other laptop) pair: median and 95th percentile, and
 * the mean over the slowest 5 % of pairs (what the p95 is made of). A stage an entry skipped in the stamps (a reader
 * that got it before stamping began) leaves that pair out.
 */
function printStages(written: Written[][], peers: Peer[], stamps: Stamps[]): void {
  const maps = stamps.map((s) => Object.fromEntries(STAGES.map((stage) => [stage, new Map(s[stage])])) as Record<(typeof STAGES)[number], Map<string, number>>);
  const names = ['write→committed', 'committed→sent', 'sent→arrived', 'arrived→applied', 'applied→stored', 'stored→read'];
  const rows: { spans: number[]; total: number }[] = [];
  for (const [w, entries] of written.entries()) {
    const writer = maps[w];
    for (const { id, at, committed } of entries) {
      for (const [r, reader] of maps.entries()) {
        if (r === w) continue;
        const times = [at, committed, writer?.sent.get(id), reader.arrived.get(id), reader.applied.get(id), reader.stored.get(id), peers[r]?.seen.get(id)];
        if (times.some((t) => t === undefined)) continue;
        const t = times as number[];
        rows.push({ spans: names.map((_, i) => (t[i + 1] as number) - (t[i] as number)), total: (t[6] as number) - (t[0] as number) });
      }
    }
  }
  const slowest = [...rows].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(rows.length * 0.05)));
  console.log(`stages over ${rows.length} (entry, reader) pairs, ms: p50 / p95 / mean of the slowest 5 %`);
  for (const [i, name] of names.entries()) {
    const spans = rows.map((row) => row.spans[i] as number);
    const slow = slowest.reduce((sum, row) => sum + (row.spans[i] as number), 0) / slowest.length;
    console.log(`  ${name.padEnd(17)} ${pct(spans, 0.5).toFixed(0).padStart(6)} ${pct(spans, 0.95).toFixed(0).padStart(6)} ${slow.toFixed(0).padStart(6)}`);
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tocsin-bench-sync-'));
  const bundle = join(root, 'syncPeer.cjs');
  buildSync({
    entryPoints: [resolve('scripts/bench/syncPeer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    // Left to node_modules as the app leaves them (native code, WebAssembly beside the package's files).
    external: Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies),
    logLevel: 'error',
  });
  const peers = HOSTS.map((_, i) => new Peer(bundle, join(root, `laptop-${i + 1}`)));
  try {
    let t = Date.now();
    await Promise.all(peers.map((p) => p.ready));
    const [first, ...others] = peers as [Peer, ...Peer[]];
    await first.call('cell:create', { ...WS, memberName: 'Laptop 1', roles: [] });
    await first.call('cell:start', { ...WS, host: HOSTS[0] });
    for (const [i, peer] of others.entries()) {
      const { joinCode } = await first.call<{ joinCode: string }>('cell:invite', WS);
      await peer.call('cell:join', { ...WS, joinCode, memberName: `Laptop ${i + 2}`, roles: [], host: HOSTS[i + 1] });
    }
    await until(
      () => Promise.all(peers.map(status)),
      (all) => all.every((s) => s.cell?.members.length === 4 && s.cell.members.filter((m) => !m.self).every((m) => m.online)),
      60_000,
      'the four laptops to link',
    );
    console.log(`cell formed in ${((Date.now() - t) / 1000).toFixed(1)} s (${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)})`);

    await Promise.all(peers.map((p) => p.send({ op: 'watch' })));
    const cpuBefore = await Promise.all(peers.map((p) => p.send<NodeJS.CpuUsage>({ op: 'cpu' })));
    t = Date.now();
    const written = await Promise.all(peers.map((p, i) => p.send<Written[]>({ op: 'paced', perSecond: RATE, durationMs: SECONDS * 1000, label: `laptop-${i + 1}` })));
    console.log(`wrote ${written.flat().length} entries in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const expected = written.flat().length;
    await until(
      async () => peers.map((p) => p.seen.size),
      (sizes) => sizes.every((n) => n >= expected),
      60_000,
      'every laptop to read every entry',
    ).catch((error: unknown) => console.log(`${String(error)}: ${peers.map((p) => p.seen.size).join('/')} of ${expected}`));
    const cpuAfter = await Promise.all(peers.map((p) => p.send<NodeJS.CpuUsage>({ op: 'cpu' })));
    const cpuSeconds = cpuAfter.reduce((sum, after, i) => sum + (after.user + after.system - (cpuBefore[i]?.user ?? 0) - (cpuBefore[i]?.system ?? 0)) / 1e6, 0);
    // What the cell asks of the machine, whatever else runs on it: above the CPU count, entries queue up.
    console.log(`the four laptops used ${cpuSeconds.toFixed(1)} CPU s in ${((Date.now() - t) / 1000).toFixed(1)} s (${(cpuSeconds / ((Date.now() - t) / 1000)).toFixed(2)} cores of ${cpus().length})`);
    const latencies: number[] = [];
    let missing = 0;
    for (const [w, entries] of written.entries()) {
      for (const { id, at } of entries) {
        const arrivals = peers.filter((_, r) => r !== w).map((p) => p.seen.get(id));
        if (arrivals.some((a) => a === undefined)) missing += 1;
        else latencies.push(Math.max(...(arrivals as number[])) - at);
      }
    }
    if (missing > 0) console.log(`entries never read on some laptop: ${missing}`);
    const measuredAt = load();
    if (flags.stages) printStages(written, peers, await Promise.all(peers.map((p) => p.send<Stamps>({ op: 'stamps' }))));
    console.log(`sync p50_ms=${pct(latencies, 0.5).toFixed(0)} p95_ms=${pct(latencies, 0.95).toFixed(0)} peers=${peers.length} ${measuredAt}`);
    if (CATCHUP === 0 && MENTIONS === 0) return;

    const away = peers[3] as Peer;
    const awayDir = away.dataDir;
    await away.close();
    const writers = peers.slice(0, 3);
    t = Date.now();
    const share = (n: number, i: number): number => Math.floor(n / 3) + (i < n % 3 ? 1 : 0);
    await Promise.all(writers.map((p, i) => p.send({ op: 'burst', count: share(CATCHUP, i), label: `laptop-${i + 1}` })));
    await Promise.all(writers.map((p, i) => p.send({ op: 'mentions', count: share(MENTIONS, i), label: `laptop-${i + 1}` })));
    const total = expected + CATCHUP;
    await Promise.all(writers.map((p) => p.send({ op: 'reach', total })));
    await Promise.all(writers.map((p) => p.send({ op: 'reachMentions', total: MENTIONS })));
    console.log(`${CATCHUP} entries and ${MENTIONS} mentions written and spread among the three in ${((Date.now() - t) / 1000).toFixed(1)} s (${load()})`);
    const started = performance.timeOrigin + performance.now();
    const back = new Peer(bundle, awayDir);
    peers[3] = back;
    await back.ready;
    const [log, stream] = await Promise.all([
      back.send<{ at: number; count: number }>({ op: 'reach', total }),
      back.send<{ at: number; count: number }>({ op: 'reachMentions', total: MENTIONS }),
    ]);
    console.log(`entries caught up in ${((log.at - started) / 1000).toFixed(1)} s, mentions in ${((stream.at - started) / 1000).toFixed(1)} s`);
    console.log(`catchup seconds=${((Math.max(log.at, stream.at) - started) / 1000).toFixed(1)} entries=${log.count - expected} mentions=${stream.count} ${load()}`);
  } finally {
    // A profiled laptop writes its profile only when it exits by itself.
    if (process.env.BENCH_PROF) await Promise.allSettled(peers.map((p) => p.close()));
    peers.forEach((p) => p.kill());
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
