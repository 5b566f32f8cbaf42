// npm run bench:alert — steady ingest of 1,000 mentions/s into a real core (encrypted store, tone, watch matching,
// rollups, detection); crisis onsets on several watches; time from handing the triggering batch to ingestion (its
// mentions are stored in that call) to the `detection:alertChanged` push. Prints p50/p95.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/app/createCore';
import { silentLogger } from '../src/main/platform/logger';
import { KeyRing } from '../src/main/platform/security/keyRing';

const RATE = 1000;
const TICK_MS = 50;
const WATCHES = 20;
const ONSET_EVERY_MS = 1500;
const WARMUP_MS = 5000;
const WS = 'live';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-alert-'));
  const core = createCore({ dataDir: dir, keyRing: new KeyRing(dir), clock: { now: () => new Date() }, logger: silentLogger, shell: { shell: 'browser', version: 'bench' } });

  async function call(name: string, input: unknown): Promise<{ id: number }> {
    const result = await core.dispatch(name as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: number };
  }

  const brands = Array.from({ length: WATCHES }, (_, i) => `Marque${String.fromCharCode(65 + (i % 26))}${i}`);
  const watchIds: number[] = [];
  for (const brand of brands) watchIds.push((await call('watches:create', { workspaceId: WS, watch: { name: brand, keywords: [brand] } })).id);
  const source = await call('sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Bench', config: {} } });

  const pending = new Map<number, number>();
  const latencies: number[] = [];
  core.events.subscribe((name, payload) => {
    if (name !== 'detection:alertChanged') return;
    const { alertId } = payload as { alertId: number };
    const alert = core.detection.getAlert(WS, alertId);
    const started = pending.get(alert.watchId);
    if (started !== undefined) {
      latencies.push(performance.now() - started);
      pending.delete(alert.watchId);
    }
  });

  let serial = 0;
  const neutral = ['ouvre une agence à Lyon', 'publie ses résultats', 'recrute à Genève', 'lance une appli'];
  function background(n: number, at: Date) {
    return Array.from({ length: n }, () => {
      serial += 1;
      const brand = brands[serial % WATCHES]!;
      return {
        externalId: `bg-${serial}`,
        author: { handle: `u${serial % 9000}`, audience: 100 + (serial % 500) },
        text: `${brand} ${neutral[serial % neutral.length]} (${serial})`,
        language: 'fr',
        publishedAt: at.toISOString(),
      };
    });
  }
  function onset(brand: string, at: Date) {
    const critical = Array.from({ length: 5 }, (_, k) => {
      serial += 1;
      return {
        externalId: `on-${serial}`,
        author: { handle: `angry${serial}`, audience: 300 },
        text: `Scandale : fuite de données chez ${brand}, #boycott (${k})`,
        language: 'fr',
        publishedAt: at.toISOString(),
      };
    });
    serial += 1;
    critical.push({
      externalId: `on-${serial}`,
      author: { handle: 'Claire Martin', audience: 250_000 },
      text: `Fuite de données chez ${brand} : la direction savait`,
      language: 'fr',
      publishedAt: at.toISOString(),
    });
    return critical;
  }

  const perTick = (RATE * TICK_MS) / 1000;
  const start = performance.now();
  const end = start + WARMUP_MS + WATCHES * ONSET_EVERY_MS + 2000;
  let nextOnset = 0;
  let ingested = 0;
  let lateTicks = 0;
  for (let tick = 0; ; tick += 1) {
    const due = start + tick * TICK_MS;
    if (due > end) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else lateTicks += 1;
    const now = new Date();
    let batch = background(perTick, now);
    const onsetDue = start + WARMUP_MS + nextOnset * ONSET_EVERY_MS;
    if (nextOnset < WATCHES && performance.now() >= onsetDue) {
      batch = batch.concat(onset(brands[nextOnset]!, now));
      pending.set(watchIds[nextOnset]!, performance.now());
      nextOnset += 1;
    }
    ingested += (await core.ingest.ingest(WS, source.id, batch)).inserted;
  }
  const elapsed = (performance.now() - start) / 1000;
  core.close();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  console.log(`ingested ${ingested} mentions in ${elapsed.toFixed(1)} s (${Math.round(ingested / elapsed)}/s, ${lateTicks} late ticks)`);
  console.log(`onsets ${WATCHES}, alerts measured ${latencies.length}, missed ${WATCHES - latencies.length}`);
  console.log(`alert p50_ms=${q(0.5).toFixed(1)} p95_ms=${q(0.95).toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
