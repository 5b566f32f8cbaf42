// One laptop of `npm run bench:sync`: a real core on its own data folder in its own process. The bench drives it
// over the fork IPC channel: contract calls, a paced writer, a burst writer, and a watcher that reports, from this
// laptop's side, when each crisis log entry became readable through the contract (on `crisisLog:changed`); for the
// catch-up, mentions ingested as a feed's poll would, and the moment this laptop's stream holds a given number.
import { createCore } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import type { CallName } from '../../src/shared/contract/index';
import type { LogEntry } from '../../src/shared/domain/crisisLog';
import { traceStages } from './syncStages';

const [dataDir, ...options] = process.argv.slice(2) as [string, ...string[]];
const WS = 'live';
const core = createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: { now: () => new Date() },
  logger: silentLogger,
  shell: { shell: 'browser', version: 'bench' },
  cellTuning: { retryMs: 250, joinWaitMs: 15_000 },
});

export type PeerRequest =
  | { id: number; op: 'call'; name: CallName; input: unknown }
  | { id: number; op: 'paced'; perSecond: number; durationMs: number; label: string }
  | { id: number; op: 'burst'; count: number; label: string }
  | { id: number; op: 'watch' }
  | { id: number; op: 'reach'; total: number }
  | { id: number; op: 'mentions'; count: number; label: string }
  | { id: number; op: 'reachMentions'; total: number }
  | { id: number; op: 'stamps' }
  | { id: number; op: 'cpu' }
  | { id: number; op: 'close' };

/** Wall time in ms with sub-millisecond precision, comparable across the bench's processes on one machine. */
const wall = (): number => performance.timeOrigin + performance.now();
const reply = (id: number, value: unknown): void => void process.send?.({ id, value });
// Installed before anything listens to the log's changes, so an entry is stamped stored before it is read.
const tracer = options.includes('--stages') ? traceStages(core.events, wall) : undefined;

async function call(name: CallName, input: unknown): Promise<unknown> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const append = async (body: string): Promise<string> =>
  ((await call('crisisLog:append', { workspaceId: WS, entry: { kind: 'information', author: 'bench', body } })) as LogEntry).id;

/**
 * Writes `perSecond` entries a second on a fixed schedule (a late write does not push the next ones back); each with
 * when its write began and when the call returned (stored, signed, in this laptop's document).
 */
async function paced(perSecond: number, durationMs: number, label: string): Promise<{ id: string; at: number; committed: number }[]> {
  const written: { id: string; at: number; committed: number }[] = [];
  const start = wall();
  const total = Math.floor((durationMs / 1000) * perSecond);
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - wall();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const at = wall();
    const id = await append(`${label} paced #${i}`);
    written.push({ id, at, committed: wall() });
  }
  return written;
}

async function burst(count: number, label: string): Promise<number> {
  for (let i = 0; i < count; i += 1) {
    await append(`${label} burst #${i}`);
    // Lets the cell's network and storage run between appends, as a person typing would.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  return count;
}

/** Ingests `count` mentions into a source of its own, a thousand per batch as a busy feed's polls bring them. */
async function mentions(count: number, label: string): Promise<number> {
  const source = (await call('sources:create', { workspaceId: WS, source: { kind: 'file', name: `${label} feed`, config: {} } })) as { id: number };
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
      externalId: `${label}-${i + j}`,
      author: { handle: `@${label}-${(i + j) % 500}` },
      text: `ACME : la panne continue, message ${i + j} de ${label}`,
      publishedAt: new Date(Date.UTC(2026, 2, 10, 8) + (i + j) * 1000).toISOString(),
    }));
    await core.ingest.ingest(WS, source.id, batch);
    await new Promise((r) => setImmediate(r));
  }
  return count;
}

/** How many mentions this laptop's stream holds: each source's count of the last hour, through the contract. */
const mentionCount = async (): Promise<number> =>
  ((await call('sources:list', { workspaceId: WS })) as { health: { itemsLastHour: number } }[]).reduce((n, s) => n + s.health.itemsLastHour, 0);

/** Resolves with the time this laptop first holds `total` mentions, counted every 200 ms. */
async function reachMentions(total: number): Promise<{ at: number; count: number }> {
  for (;;) {
    const count = await mentionCount();
    if (count >= total) return { at: wall(), count };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every people's entry in this laptop's read model, by keyset paging through the contract. */
async function allIds(): Promise<string[]> {
  const ids: string[] = [];
  let before: { occurredAt: string; seq: number } | undefined;
  for (;;) {
    const page = (await call('crisisLog:list', { workspaceId: WS, filter: { limit: 2000, ...(before ? { before } : {}) } })) as LogEntry[];
    for (const entry of page) if (entry.kind !== 'system') ids.push(entry.id);
    const last = page.at(-1);
    if (!last || page.length < 2000) return ids;
    before = { occurredAt: last.occurredAt, seq: last.seq };
  }
}

/** As many of the newest entries as the log screen lists (LogTab's page). */
const SCREEN_PAGE = 100;

/**
 * On each change, reads the newest entries as the log screen does and reports those not seen before, with when the
 * read began. An entry that reaches the read model below a screenful of newer ones (more than a screenful late) is
 * found by a sweep of the whole log every two seconds, reported at the sweep's start: never earlier than it was
 * readable. Reading 500 rows on every change instead took a fifth of each laptop's CPU, which the app never spends.
 */
function watch(): void {
  const seen = new Set<string>();
  const report = (ids: string[], at: number): void => {
    const fresh = ids.filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    if (fresh.length > 0) process.send?.({ seen: fresh, at });
  };
  let reading = false;
  let again = false;
  const read = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    do {
      again = false;
      const at = wall();
      const page = (await call('crisisLog:list', { workspaceId: WS, filter: { limit: SCREEN_PAGE } })) as LogEntry[];
      report(page.filter((e) => e.kind !== 'system').map((e) => e.id), at);
      // Reading as often as the changes come would take the CPU the laptop needs to sync: at most 20 reads a second,
      // which can only make the measured latency longer, never shorter.
      if (again) await new Promise((r) => setTimeout(r, 50));
    } while (again);
    reading = false;
  };
  core.events.on('crisisLog:changed', ({ workspaceId }) => {
    if (workspaceId === WS) void read();
  });
  const sweep = async (): Promise<void> => {
    const at = wall();
    report(await allIds(), at);
    setTimeout(() => void sweep(), 2_000).unref();
  };
  void read();
  void sweep();
}

/** Resolves with the time this laptop's read model first holds `total` people's entries, counted on each change. */
function reach(total: number): Promise<{ at: number; count: number }> {
  return new Promise((resolve) => {
    let counting = false;
    let again = false;
    const count = async (): Promise<void> => {
      if (counting) {
        again = true;
        return;
      }
      counting = true;
      do {
        again = false;
        const n = (await allIds()).length;
        if (n >= total) {
          stop();
          resolve({ at: wall(), count: n });
          return;
        }
        // Counting pages through the whole log: while entries pour in, once every 200 ms is enough.
        await new Promise((r) => setTimeout(r, 200));
      } while (again);
      counting = false;
    };
    const stop = core.events.on('crisisLog:changed', ({ workspaceId }) => {
      if (workspaceId === WS) void count();
    });
    void count();
  });
}

process.on('message', (request: PeerRequest) => {
  const run = async (): Promise<unknown> => {
    switch (request.op) {
      case 'call':
        return call(request.name, request.input);
      case 'paced':
        return paced(request.perSecond, request.durationMs, request.label);
      case 'burst':
        return burst(request.count, request.label);
      case 'watch':
        watch();
        return null;
      case 'reach':
        return reach(request.total);
      case 'mentions':
        return mentions(request.count, request.label);
      case 'reachMentions':
        return reachMentions(request.total);
      case 'cpu':
        return process.cpuUsage();
      case 'stamps':
        return tracer?.stamps() ?? null;
      case 'close':
        core.close();
        process.send?.({ id: request.id, value: null }, () => process.exit(0));
        return undefined;
    }
  };
  run().then(
    (value) => value !== undefined && reply(request.id, value),
    (error: unknown) => process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send?.({ ready: true });
