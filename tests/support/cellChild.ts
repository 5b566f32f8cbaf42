// One laptop of the cell tests: a real core on its own data folder in its own process, driven through the
// contract over the fork IPC channel ({ id, name, input } in, { id, result } out). `close` closes the core;
// `advance` moves this laptop's clock on by `input` ms (escalation minutes without waiting them); `deliver` runs one
// pass of the alert queue (passes are left to the test, as with a fake clock).
import { createCore } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import type { CallName } from '../../src/shared/contract/index';

const [dataDir] = process.argv.slice(2) as [string];
let offsetMs = 0;
const core = createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: { now: () => new Date(Date.now() + offsetMs) },
  logger: silentLogger,
  shell: { shell: 'browser', version: 'test' },
  checkOutput: true,
  // A test that must control the only route between laptops turns mDNS discovery off.
  cellTuning: { retryMs: 150, joinWaitMs: 8_000, ...(process.env.TOCSIN_CELL_MDNS === 'off' ? { mdnsPort: null } : {}) },
  notify: { intervalMs: 0, requestTimeoutMs: 3_000 },
  // A test that waits for a source's failover sets a short one.
  cellSources: process.env.TOCSIN_SOURCE_FAILOVER_MS ? { failoverMs: Number(process.env.TOCSIN_SOURCE_FAILOVER_MS) } : undefined,
  // A test that waits for a publish claim's takeover sets a short lease.
  composerTuning: process.env.TOCSIN_CLAIM_LEASE_MS ? { claimLeaseMs: Number(process.env.TOCSIN_CLAIM_LEASE_MS), claimSettleMs: 3_000, backoff: { baseMs: 200, maxMs: 1_000 } } : undefined,
});

interface Request {
  readonly id: number;
  readonly name: CallName | 'close' | 'advance' | 'deliver';
  readonly input?: unknown;
}

process.on('message', (request: Request) => {
  if (request.name === 'close') {
    core.close();
    process.send?.({ id: request.id, result: { ok: true, value: null } }, () => process.exit(0));
    return;
  }
  if (request.name === 'advance') {
    offsetMs += request.input as number;
    process.send?.({ id: request.id, result: { ok: true, value: null } });
    return;
  }
  if (request.name === 'deliver') {
    void core.notify.tick().then(() => process.send?.({ id: request.id, result: { ok: true, value: null } }));
    return;
  }
  void core.dispatch(request.name, request.input).then((result) => process.send?.({ id: request.id, result }));
});
process.send?.({ ready: true });
