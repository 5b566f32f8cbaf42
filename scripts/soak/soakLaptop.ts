// One laptop of the cell soak: a real core on its own data folder in its own process (started with dialRoutes
// --required, so its dials go through the driver's proxies). The driver speaks to it over the fork IPC channel:
// { id, name, input } with a contract call name, `digest` (its state digest, see cellDigest.ts) or `close`.
import { createCore } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import { AppFailure, type CallInput, type CallName, type CallOutput, type Result } from '../../src/shared/contract/index';
import { digestOf } from './cellDigest';

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: { now: () => new Date() },
  logger: silentLogger,
  shell: { shell: 'browser', version: 'soak' },
  cellTuning: { retryMs: 200, joinWaitMs: 10_000 },
  notify: { intervalMs: 0, requestTimeoutMs: 2_000 },
  // The statement goes to a loopback Mastodon: a laptop restarted mid-publish tries again within seconds.
  // A claim whose laptop shares no post within 10 s is taken over: under the soak's faults, the statement may then go
  // out from two laptops, and the server must still hold it once.
  composerTuning: { backoff: { baseMs: 200, maxMs: 2_000 }, requestTimeoutMs: 2_000, claimLeaseMs: 10_000 },
});

export interface LaptopRequest {
  readonly id: number;
  readonly name: CallName | 'digest' | 'close';
  readonly input?: unknown;
}

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
  return result.value as CallOutput<K>;
}

const reply = (id: number, result: Result<unknown>, then: () => void = () => undefined): void => void process.send?.({ id, result }, () => then());

process.on('message', (request: LaptopRequest) => {
  if (request.name === 'close') {
    core.close();
    reply(request.id, { ok: true, value: null }, () => process.exit(0));
    return;
  }
  if (request.name === 'digest') {
    digestOf(dataDir, call).then(
      (value) => reply(request.id, { ok: true, value }),
      (error: unknown) => reply(request.id, { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }),
    );
    return;
  }
  void core.dispatch(request.name, request.input).then((result) => reply(request.id, result));
});
// A driver that dies leaves no laptop behind.
process.on('disconnect', () => process.exit(1));
process.send?.({ ready: true });
