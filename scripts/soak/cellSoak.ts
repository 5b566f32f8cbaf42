// One seed of the cell soak: four laptops (core processes, own data folders, 127.0.0.1–4) and the relay
// (127.0.0.5) play SCRIPT while the seed's faults are injected on the wires and processes between them; then the
// faults are healed, the driver waits for every laptop to show the same state digest, and each step checks the
// converged state against what it did. Used by `npm run soak:cell` and by the suite (short version).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaptopDigest } from './cellDigest';
import { bundle, freePort, LaptopProcess, RelayProcess, Wires, type Bundles, type NodeAddress } from './cellNodes';
import { faultPlan, injectFaults } from './faultPlan';
import { SCRIPT, type SoakContext } from './incidentScript';
import { startFakeMastodon } from '../../tests/support/fakeMastodonPublish';

export interface SoakSize {
  readonly entriesPerLaptop: number;
  readonly appendEveryMs: number;
  /** How long the laptops may take to agree once the faults are healed. */
  readonly quiescenceMs: number;
}

/** The long version: 500 log entries between the four laptops. */
export const LONG: SoakSize = { entriesPerLaptop: 125, appendEveryMs: 40, quiescenceMs: 180_000 };
/**
 * The suite's version: the same script and faults, fewer entries, spaced so that both fault lanes fire several times
 * while they are written, whatever the machine's speed.
 */
export const SHORT: SoakSize = { entriesPerLaptop: 12, appendEveryMs: 600, quiescenceMs: 60_000 };

export interface SeedResult {
  readonly seed: number;
  readonly pass: boolean;
  readonly digest: string | null;
  readonly problems: string[];
  /** What was seen but is not failed on. */
  readonly notes: string[];
  readonly faults: string[];
  readonly seconds: number;
}

const LAPTOPS = ['A', 'B', 'C', 'D'];
/** Once the laptops agree, how long the relay's waiting counts may take to reach zero. */
const RELAY_GRACE_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Bundles once for many seeds; `work` is a folder the caller removes. */
export const prepare = (work: string): Bundles => bundle(work);

export async function runSeed(seed: number, size: SoakSize, bundles: Bundles, note: (line: string) => void = () => undefined): Promise<SeedResult> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), `tocsin-soak-${seed}-`));
  const faults: string[] = [];
  const addresses: NodeAddress[] = [];
  for (const [i, name] of [...LAPTOPS, 'relay'].entries()) {
    const host = `127.0.0.${i + 1}`;
    addresses.push({ name, host, port: await freePort(host) });
  }
  const wires = await Wires.between(addresses);
  const laptops = addresses.slice(0, LAPTOPS.length).map((n) => new LaptopProcess(n.name, n.host, n.port, join(root, n.name), bundles, wires.routesOf(n)));
  const r = addresses[LAPTOPS.length]!;
  const relay = new RelayProcess(r.name, r.host, r.port, join(root, 'relay'), bundles, wires.routesOf(r));
  const mastodon = await startFakeMastodon();
  const context: SoakContext = {
    mastodon,
    seed,
    entriesPerLaptop: size.entriesPerLaptop,
    appendEveryMs: size.appendEveryMs,
    laptops,
    relay,
    note,
    logBodies: new Map(),
    checklistNotes: new Map(),
  };
  try {
    await Promise.all(laptops.map((l) => l.start()));
    const calm = SCRIPT.filter((s) => !s.underFaults);
    const stormy = SCRIPT.filter((s) => s.underFaults);
    for (const step of calm) {
      note(`step: ${step.name}`);
      await step.run(context);
    }
    let done = (): void => undefined;
    const stop = new Promise<void>((r) => (done = r));
    const injecting = injectFaults({ laptops, relay, wires }, faultPlan(seed, LAPTOPS.length), stop, (line) => {
      faults.push(line);
      note(`fault: ${line}`);
    });
    try {
      note(`steps under faults: ${stormy.map((s) => s.name).join('; ')}`);
      await Promise.all(stormy.map((step) => step.run(context)));
    } finally {
      done();
      await injecting;
    }
    wires.restoreAll();
    note('healed; waiting for one digest');
    const { digests, relayLacks } = await converged(laptops, size.quiescenceMs);
    const problems = [...digests.values()].flatMap((d, i) => d.problems.map((p) => `${laptops[i]?.name}: ${p}`));
    // Reported, not failed on: seed 7 once ended with one laptop counting 12 changes waiting for the relay while all
    // four digests agreed, not yet explained (a link that did not come back, or a stale count).
    const notes = relayLacks.some((r) => r.waiting !== 0) ? [`relay as each laptop sees it: ${laptops.map((l, i) => `${l.name} ${relayLacks[i]?.online ? 'online' : 'offline'} waiting=${relayLacks[i]?.waiting}`).join(', ')}`] : [];
    const agreed = new Set([...digests.values()].map((d) => d.digest));
    if (agreed.size !== 1) problems.push(`digests differ: ${differences(digests)}`);
    const first = [...digests.values()][0]!;
    for (const step of SCRIPT) if (step.check) problems.push(...(await step.check(context, first, digests)).map((p) => `${step.name}: ${p}`));
    return { seed, pass: problems.length === 0, digest: agreed.size === 1 ? first.digest : null, problems, notes, faults, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { seed, pass: false, digest: null, problems: [error instanceof Error ? error.message : String(error)], notes: [], faults, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all([...laptops.map((l) => l.close().catch(() => l.kill())), relay.close()]);
    await wires.close();
    await mastodon.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Reads every laptop's digest until all agree, with no problem, twice in a row, and every laptop knows the relay to
 * hold all its changes (the relay has no digest of its own: it keeps documents, no read model) or RELAY_GRACE_MS has
 * passed since they agreed; else, at the deadline, the last reading.
 * `relayLacks` is each laptop's Cell-screen view of the relay: online, and how many of its changes it is not known
 * to hold.
 */
async function converged(laptops: readonly LaptopProcess[], ms: number): Promise<{ digests: Map<string, LaptopDigest>; relayLacks: { online: boolean; waiting: number }[] }> {
  const end = Date.now() + ms;
  let previous = '';
  let agreedAt = Infinity;
  for (;;) {
    const digests = new Map<string, LaptopDigest>();
    for (const laptop of laptops) digests.set(laptop.name, await laptop.digest());
    const values = [...digests.values()];
    const same = new Set(values.map((d) => d.digest)).size === 1 && values.every((d) => d.problems.length === 0);
    const relayLacks = await Promise.all(
      laptops.map(async (l) => {
        const relay = (await l.call('cell:status', { workspaceId: 'live' })).cell?.members.find((m) => m.relay);
        return { online: relay?.online ?? false, waiting: relay?.waitingChanges ?? -1 };
      }),
    );
    const agreed = same && previous === values[0]?.digest;
    agreedAt = agreed ? Math.min(agreedAt, Date.now()) : Infinity;
    if (agreed && (relayLacks.every((r) => r.waiting === 0) || Date.now() - agreedAt > RELAY_GRACE_MS)) return { digests, relayLacks };
    previous = same ? (values[0]?.digest ?? '') : '';
    if (Date.now() > end) return { digests, relayLacks };
    await sleep(1_000);
  }
}

/** Which parts differ between laptops, and how (sizes of list parts). */
function differences(digests: ReadonlyMap<string, LaptopDigest>): string {
  const names = Object.keys([...digests.values()][0]?.parts ?? {});
  return names
    .filter((part) => new Set([...digests.values()].map((d) => d.parts[part]?.hash)).size > 1)
    .map((part) => `${part} [${[...digests].map(([laptop, d]) => `${laptop}:${d.parts[part]?.hash.slice(0, 8)}${sizeOf(d.parts[part]?.value)}`).join(' ')}]`)
    .join('; ');
}

const sizeOf = (value: unknown): string => (Array.isArray(value) ? `(${value.length})` : '');
